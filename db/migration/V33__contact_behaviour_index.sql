-- Why: the contact list's event-behaviour filters "attended at least N events", "first-time buyers" and "repeat
-- buyers" (issue 15, "Speed") count, per contact, the distinct events of its check-ins or paid orders. With only the
-- index by (event, kind) PostgreSQL read every such timeline entry of the account from the table and sorted them by
-- contact; bench/contacts.sh measured these three filters at 5-6 times the others already at 50,000 contacts
-- (docs/benchmarks.md, "Contacts at scale"). This index holds exactly what they read, in the order they group it:
-- an index-only scan per kind, in contact order, no sort. It costs one more index entry for each timeline entry
-- that names an event (orders and check-ins; notes, calls and emails do not).
create index activities_account_id_kind_contact_id_idx on activities (account_id, kind, contact_id, event_id)
    where event_id is not null;
