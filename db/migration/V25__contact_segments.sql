-- Why: segments (issue 15, item 4): saved dynamic filters over the contacts, including what people did at events
-- (bought but did not attend, attended at least N events, first-time or repeat buyers, consented), counted live
-- when shown and used by campaigns next. A segment keeps its rules (jsonb, read by ContactSegmentService), never
-- a list of members: who belongs is decided by the timeline at the moment it is asked.

create table segments (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) deferrable initially deferred,
    name       text        not null check (name <> '' and length(name) <= 80),
    rules      jsonb       not null default '{}',
    created_by uuid        references users (id) deferrable initially deferred,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint segments_account_id_id_key unique (account_id, id)
);
create unique index segments_account_id_name_key on segments (account_id, lower(name));

alter table segments enable row level security;
alter table segments force row level security;
create policy tenant_isolation on segments
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));
