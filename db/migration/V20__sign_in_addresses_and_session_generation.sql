-- Why: issue 13, findings 5 and 6.
-- Sessions survived a password reset or change and the removal of a member: every user now has a session generation,
-- stored with each session at sign-in and compared on every request (SessionGenerations, SignedInSessionFilter);
-- whatever must end all of a user's sessions increments it, on every instance of a cluster alike.
-- Five wrong passwords locked any account for 15 minutes, so anyone could lock its owner out: sign-in now waits per
-- email and client address, with growing delays, and an account-wide wait spares the addresses the account signed in
-- from (LoginThrottle). users.failed_login_count and locked_until keep the account-wide count and wait.

alter table users add column session_generation bigint not null default 0;

-- One row per email (lower case, as typed at sign-in, registered or not, so the answers do not differ) and client
-- address (AddressKey: an IPv4 address, or an IPv6 /64).
create table sign_in_addresses (
    email             text        not null check (email <> ''),
    address           text        not null check (address <> ''),
    failures_in_a_row integer     not null default 0 check (failures_in_a_row >= 0),
    wait_until        timestamptz,
    last_success_at   timestamptz,
    updated_at        timestamptz not null default now(),
    primary key (email, address)
);
