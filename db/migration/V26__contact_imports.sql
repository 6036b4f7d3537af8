-- Why: contacts are imported from CSV files (issue 15, item 6). An import runs in the background in one transaction
-- (nothing half-imported), so the page needs a row that says how far it got and, at the end, what it did: this
-- status row is written in transactions of its own while the import's transaction is still open. Each imported
-- contact gets a timeline entry of the new kind 'imported' ("Imported from FILE").

create table contact_imports (
    id              uuid        primary key,
    account_id      uuid        not null references accounts (id) deferrable initially deferred,
    file_name       text        not null check (file_name <> '' and length(file_name) <= 255),
    status          text        not null default 'running' check (status in ('running', 'done', 'failed')),
    total_rows      integer     not null default 0,
    processed_rows  integer     not null default 0,
    created_count   integer     not null default 0,
    updated_count   integer     not null default 0,
    skipped_count   integer     not null default 0,
    merged_count    integer     not null default 0,
    problems        jsonb       not null default '[]', -- the first skipped rows: [{"line": 7, "reason": "..."}]
    error           text,
    created_by      uuid        references users (id) deferrable initially deferred,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    finished_at     timestamptz,
    constraint contact_imports_account_id_id_key unique (account_id, id)
);
create index contact_imports_account_id_created_at_idx on contact_imports (account_id, created_at desc);

alter table contact_imports enable row level security;
alter table contact_imports force row level security;
create policy tenant_isolation on contact_imports
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));

alter table activities drop constraint activities_kind_check;
alter table activities add constraint activities_kind_check check (kind in ('order_placed', 'order_paid',
    'order_cancelled', 'ticket_checked_in', 'email_sent', 'email_opened', 'email_clicked', 'unsubscribed', 'note',
    'call', 'meeting', 'task', 'other', 'imported'));
