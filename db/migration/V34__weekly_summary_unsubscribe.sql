-- Why: the weekly summary email carries a one-click unsubscribe link (issue 16; RFC 8058 List-Unsubscribe-Post;
-- docs/security.md, "Unsubscribe links"). The link is signed (HMAC with a key derived from EVENTOS_SECRET_KEY), not
-- stored: it names the account, the membership and this counter. Turning the email on again in the settings adds one
-- to the counter, which revokes every link sent before (a forwarded email cannot turn it off again); removing the
-- member revokes them too. No new table: the counter belongs to the membership, under its row level security.
alter table account_users add column unsubscribe_generation integer not null default 0
    check (unsubscribe_generation >= 0);
