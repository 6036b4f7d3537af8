-- Why: sign-up confirms the email address by a link (issue 3, item 1); publishing an event will require it. Tokens are single use, expire after 7 days and are stored only as hashes.
-- Global table, like users and password_resets: the link is opened before anyone is signed in and belongs to a
-- person, not to an account. No account_id, so no row level security (the catalog test checks tables with
-- account_id). The application stores SHA-256 (hex) of the token, never the token itself.
create table email_verifications (
    id          uuid        primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    email       text        not null check (email <> ''), -- the address the link was sent to
    token_hash  text        not null constraint email_verifications_token_hash_key unique
                            check (token_hash ~ '^[0-9a-f]{64}$'),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
-- "the user's unused links" (replaced when a new one is sent)
create index email_verifications_user_id_idx on email_verifications (user_id) where used_at is null;
