-- Why: password reset by email (issue 3, item 3) needs single-use, expiring tokens that are stored only as hashes.
-- Global table, like users: a token is looked up before anyone is signed in and before any account is known, and a
-- user may belong to many accounts. No account_id, so no row level security (the catalog test checks tables with
-- account_id). The application stores SHA-256 (hex) of the token, never the token itself.
create table password_resets (
    id            uuid        primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    token_hash    text        not null constraint password_resets_token_hash_key unique
                              check (token_hash ~ '^[0-9a-f]{64}$'),
    expires_at    timestamptz not null,
    used_at       timestamptz,
    requested_ip  inet,
    created_at    timestamptz not null default now()
);
-- "the user's unused tokens" (invalidated when a new one is requested or one is used)
create index password_resets_user_id_idx on password_resets (user_id) where used_at is null;
