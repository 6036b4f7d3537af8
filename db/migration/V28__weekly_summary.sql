-- Why: owners and admins can ask for a weekly summary email of their account's figures (issue 16; docs/architecture.md,
-- "Dashboards and rollups", "The weekly summary"). Each membership says whether its member wants it (off unless they
-- turn it on), and each account's week is claimed by one row, so that however many servers run the weekly job, an
-- account's summary for a week is written to the outbox once: the row and the emails are inserted in one transaction,
-- and a second server's insert of the same (account, week) waits for the first and then inserts nothing.

alter table account_users add column weekly_summary boolean not null default false;

-- One row per account and week that was summarized: week_start is the Monday (in the account's time zone) of the
-- week the summary was sent in; it covers the 7 days before it. recipients: how many emails were written.
create table weekly_summaries (
    id          uuid        primary key default gen_random_uuid(),
    account_id  uuid        not null references accounts (id) deferrable initially deferred,
    week_start  date        not null,
    sent_at     timestamptz not null default now(),
    recipients  integer     not null default 0 check (recipients >= 0),
    constraint weekly_summaries_account_id_id_key unique (account_id, id),
    constraint weekly_summaries_week_key unique (account_id, week_start)
);

alter table weekly_summaries enable row level security;
alter table weekly_summaries force row level security;
create policy tenant_isolation on weekly_summaries
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));

-- The accounts the weekly job looks at, with their time zones (to know whether their Monday 08:00 has come). Only
-- ids and zones; owned by the owner role, which reads the accounts (their policy is not forced), like rollup_accounts.
create function weekly_summary_accounts() returns table (id uuid, time_zone text)
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select id, default_time_zone from accounts where status = 'active' order by id
$$;
revoke all on function weekly_summary_accounts() from public;
