-- Why: team invitations (issue 3, item 7) allow at most one open invitation per address in an account. Inviting
-- a pending address again refreshes that invitation (new token, new expiry, the latest role and events) instead of
-- adding a second one, so the older link stops working and the team page lists each address once. The service
-- serializes invitations of one address with an advisory lock; this index keeps it true even if that is ever
-- bypassed. "Open" includes expired ones: a new invitation to that address refreshes the expired row too.
create unique index invitations_open_email_key on invitations (account_id, lower(email))
    where accepted_at is null and revoked_at is null;
