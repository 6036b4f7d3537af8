-- Why: the contact list's event-behaviour filters (issue 15, "CRM segments fast at 1,000,000 contacts") aggregated the
-- timeline at read time: "attended at least N events" grouped every check-in of the account by contact (8.5-12 s
-- for a page at 1,000,000 contacts / 5,000,000 timeline entries, 2.5 s for its count), "bought but did not attend"
-- read the event's check-ins into a hashed NOT IN (about 1 s), "first-time / repeat buyers" grouped every paid order
-- (docs/benchmarks.md, "Contacts at scale"). The same facts are now kept where they happen:
--   contact_event_facts: one row per (contact, event) the contact bought for (an "order paid" entry on its timeline)
--     or attended (a "checked in" entry), with the moment of the first;
--   contact_event_counts: per contact, how many of its rows have each (events bought, events attended).
-- The definitions are exactly the timeline's (what the filters read until now): a refund or cancellation leaves the
-- "order paid" entry, so it leaves "bought" too. The CRM's writes keep both true in the same statement as the timeline
-- entry (ContactEventFacts via BuyerContacts: the sale, the door, the demo), merge and undo rebuild both contacts'
-- rows from their timelines under the merge's locks (ContactMergeService), erasure deletes them
-- (ContactPrivacyService). The counters are a table of their own, not columns of contacts: the sale's statement
-- already upserts the buyer's contacts row, and PostgreSQL silently drops a second update of the same row in one
-- statement; the door, which never locks a contact row, would otherwise have to. See docs/architecture.md,
-- "Contacts (CRM)".

create table contact_event_facts (
    account_id  uuid        not null,
    contact_id  uuid        not null,
    event_id    uuid        not null,
    bought_at   timestamptz,
    attended_at timestamptz,
    constraint contact_event_facts_bought_or_attended check (bought_at is not null or attended_at is not null)
);

create table contact_event_counts (
    account_id      uuid    not null,
    contact_id      uuid    not null,
    events_bought   integer not null default 0 check (events_bought >= 0),
    events_attended integer not null default 0 check (events_attended >= 0)
);

alter table contact_event_facts enable row level security;
alter table contact_event_facts force row level security;
create policy tenant_isolation on contact_event_facts
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));
alter table contact_event_counts enable row level security;
alter table contact_event_counts force row level security;
create policy tenant_isolation on contact_event_counts
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));

-- From the timeline as it is. The owner runs migrations and forced row level security would hide every row from it
-- (V12's lesson): the policies are lifted for this transaction only. Erased contacts get no rows (erasure deletes
-- them from now on); contacts merged into another have no event entries left (the merge moved them).
alter table contacts no force row level security;
alter table activities no force row level security;
alter table contact_event_facts no force row level security;
alter table contact_event_counts no force row level security;

insert into contact_event_facts (account_id, contact_id, event_id, bought_at, attended_at)
select a.account_id, a.contact_id, a.event_id,
       min(a.occurred_at) filter (where a.kind = 'order_paid'),
       min(a.occurred_at) filter (where a.kind = 'ticket_checked_in')
from activities a
join contacts c on c.account_id = a.account_id and c.id = a.contact_id and c.erased_at is null
where a.event_id is not null and a.kind in ('order_paid', 'ticket_checked_in')
group by a.account_id, a.contact_id, a.event_id;

insert into contact_event_counts (account_id, contact_id, events_bought, events_attended)
select account_id, contact_id, count(bought_at), count(attended_at)
from contact_event_facts group by account_id, contact_id;

-- the keys after the rows: each primary key built sorted, each foreign key validated by one join instead of a check
-- per row at commit (which took minutes at 1,000,000 contacts). The primary keys are the upserts' conflict targets:
-- one row per contact and event, one per contact.
alter table contact_event_facts
    add constraint contact_event_facts_pkey primary key (account_id, contact_id, event_id),
    add constraint contact_event_facts_account_id_fkey foreign key (account_id)
        references accounts (id) deferrable initially deferred,
    add constraint contact_event_facts_contact_fkey foreign key (account_id, contact_id)
        references contacts (account_id, id) deferrable initially deferred,
    add constraint contact_event_facts_event_fkey foreign key (account_id, event_id)
        references events (account_id, id) deferrable initially deferred;
alter table contact_event_counts
    add constraint contact_event_counts_pkey primary key (account_id, contact_id),
    add constraint contact_event_counts_account_id_fkey foreign key (account_id)
        references accounts (id) deferrable initially deferred,
    add constraint contact_event_counts_contact_fkey foreign key (account_id, contact_id)
        references contacts (account_id, id) deferrable initially deferred;

alter table contacts force row level security;
alter table activities force row level security;
alter table contact_event_facts force row level security;
alter table contact_event_counts force row level security;

-- "bought for E", "attended E", "bought for E but did not attend" (the check says a row without attendance is a
-- purchase): the event's contacts, in contact order
create index contact_event_facts_bought_idx on contact_event_facts (account_id, event_id, contact_id)
    where bought_at is not null;
create index contact_event_facts_attended_idx on contact_event_facts (account_id, event_id, contact_id)
    where attended_at is not null;
create index contact_event_facts_stayed_away_idx on contact_event_facts (account_id, event_id, contact_id)
    where attended_at is null;
-- "attended at least N", "first-time" (bought for exactly one event), "repeat" (two or more)
create index contact_event_counts_attended_idx on contact_event_counts (account_id, events_attended, contact_id)
    where events_attended > 0;
create index contact_event_counts_bought_idx on contact_event_counts (account_id, events_bought, contact_id)
    where events_bought > 0;
-- V33's index served only the aggregates these counters replace
drop index activities_account_id_kind_contact_id_idx;
