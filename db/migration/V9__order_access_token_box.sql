-- The private order page is reached by a secret link. Its token is looked up by hash (access_token_hash), but
-- confirmations sent later (paid by transfer, "send my tickets again", organizer's resend) must carry the same
-- link, so the token is also kept sealed with the application's secret key (AES-GCM, platform.crypto.SecretBox).
-- Null for orders whose token was never kept (demo data): a resend then issues a new link.
alter table orders add column access_token_box bytea;
