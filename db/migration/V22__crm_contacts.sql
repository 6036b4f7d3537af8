-- Why: the CRM gets its screens (issue 15): contacts gain an address, custom fields defined per account, the full
-- history of their marketing consent, and tasks (activities of kind 'task' with a due date, an assignee and done);
-- attendees with an email become contacts too, so a check-in lands on the person who came, not only on the buyer.
-- Tags stay the jsonb array of V1 with its GIN index (jsonb_path_ops serves "tags @> '["vip"]'", the only tag query;
-- text[] would serve the same with the same kind of index and a rewrite of every row for nothing). The search column
-- stays a generated tsvector with its GIN index, kept by PostgreSQL itself (no trigger, nothing the application can
-- forget); prefix search is to_tsquery('simple', 'ada:* & lov:*'). It is made again here to hold the email also split
-- into its words ('ada.lovelace@example.org' is one token of the parser, so "lovelace" or "ada@exa" typed as
-- you go would not find it) and the new city.

alter table contacts
    add column address_line text,
    add column postal_code  text,
    add column city         text,
    add column country      text;

drop index contacts_search_idx;
alter table contacts drop column search;
alter table contacts add column search tsvector generated always as (to_tsvector('simple',
    coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' ||
    translate(coalesce(email, ''), '@.-_+', '     ') || ' ' || coalesce(company, '') || ' ' ||
    coalesce(job_title, '') || ' ' || coalesce(city, ''))) stored;
create index contacts_search_idx on contacts using gin (search);

-- Custom fields of an account's contacts; values live in contacts.custom_fields (jsonb, by key), checked against
-- these definitions by the service (ContactFieldsService) before they are written.
create table contact_fields (
    id         uuid        primary key,
    account_id uuid        not null references accounts (id) deferrable initially deferred,
    key        text        not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    label      text        not null check (label <> '' and length(label) <= 80),
    kind       text        not null check (kind in ('text', 'number', 'date', 'choice', 'yes_no')),
    choices    jsonb       not null default '[]',
    position   integer     not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint contact_fields_account_id_id_key unique (account_id, id),
    constraint contact_fields_account_id_key_key unique (account_id, key)
);

-- Every change of a contact's marketing consent: the proof of what the person agreed to, when and where. Written by
-- a trigger on contacts, so every way of changing consent (the sale's upsert, the contact page, imports) leaves it
-- without a statement of its own; the actor is the signed-in user of the transaction (app.user_id), if any.
create table contact_consents (
    id            uuid        primary key,
    account_id    uuid        not null references accounts (id) deferrable initially deferred,
    contact_id    uuid        not null,
    granted       boolean     not null,
    source        text,
    actor_user_id uuid,
    occurred_at   timestamptz not null default now(),
    constraint contact_consents_account_id_id_key unique (account_id, id),
    constraint contact_consents_contact_fkey foreign key (account_id, contact_id) references contacts (account_id, id) deferrable initially deferred
);
create index contact_consents_account_id_contact_id_idx on contact_consents (account_id, contact_id, occurred_at desc);

create function contacts_consent_history() returns trigger language plpgsql as $$
begin
    insert into contact_consents (id, account_id, contact_id, granted, source, actor_user_id, occurred_at)
    values (gen_random_uuid(), new.account_id, new.id, new.marketing_consent, new.consent_source,
            nullif(current_setting('app.user_id', true), '')::uuid,
            case when new.marketing_consent then coalesce(new.marketing_consent_at, now())
                 else coalesce(new.unsubscribed_at, now()) end);
    return null;
end $$;
create trigger contacts_consent_given after insert on contacts
    for each row when (new.marketing_consent) execute function contacts_consent_history();
create trigger contacts_consent_changed after update of marketing_consent on contacts
    for each row when (old.marketing_consent is distinct from new.marketing_consent)
    execute function contacts_consent_history();

-- Tasks: an activity of kind 'task' with a due date, an assignee (a team member) and when it was done.
alter table activities
    add column due_at           timestamptz,
    add column assignee_user_id uuid references users (id) deferrable initially deferred,
    add column done_at          timestamptz;
-- "My tasks" on the dashboard: the open tasks of one assignee, soonest first
create index activities_open_tasks_idx on activities (account_id, assignee_user_id, due_at)
    where kind = 'task' and done_at is null;
-- The contact list's filters "bought a ticket for" / "attended" an event read the timeline by event and kind; this
-- replaces the index on (account_id, event_id), which is its prefix (each activity still writes one index for it).
drop index activities_account_id_event_id_idx;
create index activities_account_id_event_id_kind_idx on activities (account_id, event_id, kind, contact_id)
    where event_id is not null;
-- The contact list's owner filter.
create index contacts_account_id_owner_idx on contacts (account_id, owner_user_id) where owner_user_id is not null;

alter table contact_fields enable row level security;
alter table contact_fields force row level security;
create policy tenant_isolation on contact_fields
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));
alter table contact_consents enable row level security;
alter table contact_consents force row level security;
create policy tenant_isolation on contact_consents
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));

-- Consents given before this migration start their history here. The owner runs migrations and forced row level
-- security would hide every row from it (V12's lesson), so the policies are lifted for this transaction only.
alter table contacts no force row level security;
alter table contact_consents no force row level security;
insert into contact_consents (id, account_id, contact_id, granted, source, occurred_at)
select gen_random_uuid(), c.account_id, c.id, true, c.consent_source, coalesce(c.marketing_consent_at, c.created_at)
from contacts c where c.marketing_consent;
set constraints all immediate;
alter table contacts force row level security;
alter table contact_consents force row level security;
