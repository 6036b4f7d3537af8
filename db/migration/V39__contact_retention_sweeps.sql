-- Why: one SQL home per context (issue 12, item 2; docs/architecture.md, "One SQL home per context"). The retention
-- sweep's stamp (when the job last looked at an account, so that a second server skips it until the next round is
-- due; V27) was a column of accounts that the CRM wrote. It is the CRM's own bookkeeping: it moves to a CRM table,
-- one row per account swept, and the column goes (nothing else reads it). The period itself
-- (accounts.data_retention_days) stays an account setting; the account context hands it to the CRM.

create table contact_retention_sweeps (
    account_id uuid        primary key,
    checked_at timestamptz not null
);

-- the stamps as they are, before row level security is forced (the owner runs migrations, and a forced policy would
-- refuse its rows: no account is bound here); the foreign key after the rows, as V36 does: a deferred key's checks
-- still pending would refuse the statements below ("pending trigger events")
insert into contact_retention_sweeps (account_id, checked_at)
select id, retention_checked_at from accounts where retention_checked_at is not null;

alter table contact_retention_sweeps
    add constraint contact_retention_sweeps_account_id_fkey foreign key (account_id)
        references accounts (id) deferrable initially deferred;

alter table contact_retention_sweeps enable row level security;
alter table contact_retention_sweeps force row level security;
-- the account compared with the setting itself, not through a sub-select the planner cannot see into (V40)
create policy tenant_isolation on contact_retention_sweeps
    using (account_id = nullif(current_setting('app.account_id', true), '')::uuid)
    with check (account_id = nullif(current_setting('app.account_id', true), '')::uuid);

alter table accounts drop column retention_checked_at;
