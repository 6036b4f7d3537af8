-- Why: duplicates, merging and retention in the CRM (issue 15, items 5 and 7). Contacts are one per address, but the
-- same person often arrives twice (a work and a private address, a typo); the team sees likely duplicates (the same
-- name written alike plus the same phone or company), merges two into a chosen survivor and can undo it; an account
-- can say how long a contact without activity is kept before it is anonymized (accounts.data_retention_days, V1).
--
-- A merged contact keeps its row (and its address, which stays reserved by the unique index): merged_into_id names
-- the survivor, every list, search and page skips it, and a later sale to its address follows it to the survivor
-- (BuyerContacts returns coalesce(merged_into_id, id)). What a merge moved is written down in contact_merges, row ids
-- and the survivor's fields before and after, so that an undo moves back exactly that and nothing the survivor got
-- later.

alter table contacts
    add column merged_into_id uuid,
    add column merged_at      timestamptz,
    add constraint contacts_merged_into_fkey foreign key (account_id, merged_into_id)
        references contacts (account_id, id) deferrable initially deferred,
    add constraint contacts_not_merged_into_itself check (merged_into_id is distinct from id),
    -- The name as the duplicate suggestions compare it: lower case, common accents taken off, everything that is not a
    -- letter or digit one space ("Zoë  O'Brien-Smith" = "zoe o brien smith"). Plain SQL functions, all immutable: no
    -- extension needed (pg_trgm ships with the embedded PostgreSQL, but a production server may lack contrib, and
    -- trigram similarity over a million contacts has no cheap pairing anyway).
    add column name_key text generated always as (btrim(regexp_replace(translate(replace(lower(
        coalesce(first_name, '') || ' ' || coalesce(last_name, '')), 'ß', 'ss'),
        'áàâäãåāăąçćčďđéèêëēėęěğíìîïīįıłľĺñńňóòôöõøōőŕřśšşťţúùûüūůűųýÿźżž',
        'aaaaaaaaacccddeeeeeeeegiiiiiiilllnnnoooooooorrsssttuuuuuuuuyyzzz'), '[^a-z0-9]+', ' ', 'g'))) stored;

-- The duplicate suggestions: contacts of one account with the same name key, visible ones only.
create index contacts_duplicates_idx on contacts (account_id, name_key)
    where merged_into_id is null and erased_at is null and name_key <> '';
-- Undo and erasure find the contacts merged into one.
create index contacts_merged_into_idx on contacts (account_id, merged_into_id) where merged_into_id is not null;
-- The retention job: contacts by last activity (the list's index has no erased/merged predicate and orders desc).
create index contacts_retention_idx on contacts (account_id, coalesce(last_activity_at, created_at))
    where erased_at is null and merged_into_id is null;

-- One merge: which contact survived, which was merged into it, by whom and when, and exactly what moved, so that undo
-- can put it back. survivor_before / survivor_after: the survivor's fields that the merge changed (column → value),
-- before and after; undo restores a field only where it still holds the "after" value. moved_email: the merged
-- contact's address, when it filled the survivor's empty one. The arrays hold the ids of the rows moved from the
-- merged contact to the survivor (and of contacts merged earlier into the merged one, which now name the survivor).
create table contact_merges (
    id                 uuid        primary key,
    account_id         uuid        not null references accounts (id) deferrable initially deferred,
    survivor_id        uuid        not null,
    merged_id          uuid        not null,
    merged_by          uuid        references users (id) deferrable initially deferred,
    merged_at          timestamptz not null default now(),
    undone_at          timestamptz,
    undone_by          uuid        references users (id) deferrable initially deferred,
    survivor_before    jsonb       not null default '{}',
    survivor_after     jsonb       not null default '{}',
    added_tags         jsonb       not null default '[]',
    moved_email        text,
    activity_ids       uuid[]      not null default '{}',
    attendee_ids       uuid[]      not null default '{}',
    order_ids          uuid[]      not null default '{}',
    consent_ids        uuid[]      not null default '{}',
    delivery_ids       uuid[]      not null default '{}',
    repointed_ids      uuid[]      not null default '{}',
    constraint contact_merges_account_id_id_key unique (account_id, id),
    constraint contact_merges_survivor_fkey foreign key (account_id, survivor_id) references contacts (account_id, id) deferrable initially deferred,
    constraint contact_merges_merged_fkey foreign key (account_id, merged_id) references contacts (account_id, id) deferrable initially deferred,
    constraint contact_merges_two_contacts check (survivor_id <> merged_id)
);
-- The survivor's page lists its merges, newest first; undo finds a merged contact's merge.
create index contact_merges_survivor_idx on contact_merges (account_id, survivor_id, merged_at desc);
create index contact_merges_merged_idx on contact_merges (account_id, merged_id, merged_at desc);

alter table contact_merges enable row level security;
alter table contact_merges force row level security;
create policy tenant_isolation on contact_merges
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));

-- Retention: when the job last looked at an account (one server per account at a time holds an advisory lock; this
-- stamp keeps the others from doing the same work again until the next round is due).
alter table accounts add column retention_checked_at timestamptz;

-- The accounts the retention job visits: active ones that set a retention period. Only ids (the accounts' policies
-- would show a background thread none); owned by the owner role, which reads the list.
create function retention_accounts() returns setof uuid
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select id from accounts where status = 'active' and data_retention_days is not null order by id
$$;
revoke all on function retention_accounts() from public;
