-- Why: "not a duplicate" (issue 15, item 5). The duplicate suggestions pair contacts with the same name written alike
-- plus the same phone or company; two different people of the same name at one company (or a shared office phone)
-- would be suggested for ever. An organizer dismisses such a pair: it is written down here, once per pair (the two
-- ids in order, so (a, b) and (b, a) are the same pair), and the suggestions on the contact page and the list of
-- possible duplicates skip it from then on. Restoring it deletes the row. Both are audited by the service
-- (contact.duplicate_dismissed, contact.duplicate_restored; ids only).

create table contact_duplicate_dismissals (
    id           uuid        primary key,
    account_id   uuid        not null references accounts (id) deferrable initially deferred,
    contact_a    uuid        not null,
    contact_b    uuid        not null,
    dismissed_by uuid        references users (id) deferrable initially deferred,
    dismissed_at timestamptz not null default now(),
    constraint contact_duplicate_dismissals_account_id_id_key unique (account_id, id),
    -- one row per pair; also the suggestions' look-up "is this pair dismissed?"
    constraint contact_duplicate_dismissals_pair_key unique (account_id, contact_a, contact_b),
    constraint contact_duplicate_dismissals_ordered check (contact_a < contact_b),
    constraint contact_duplicate_dismissals_a_fkey foreign key (account_id, contact_a)
        references contacts (account_id, id) deferrable initially deferred,
    constraint contact_duplicate_dismissals_b_fkey foreign key (account_id, contact_b)
        references contacts (account_id, id) deferrable initially deferred
);
-- the "dismissed" list on the duplicates page, newest first
create index contact_duplicate_dismissals_recent_idx on contact_duplicate_dismissals (account_id, dismissed_at desc);

alter table contact_duplicate_dismissals enable row level security;
alter table contact_duplicate_dismissals force row level security;
create policy tenant_isolation on contact_duplicate_dismissals
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));
