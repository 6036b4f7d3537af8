-- Why: every index is written by every insert into its table, and an index whose predicate names a column turns each
-- update of that column into a full update of every index of the row (no HOT update). Two indexes on the hottest
-- tables of a sale serve no query any more (bench/checkout.sh):
-- holds_active_idx (V12) served the count of live holds, which now sums ticket_takes (V14); without it, turning a
--   hold into an order (its status) is a HOT update: no index of holds is written again;
-- attendees_account_id_event_id_idx is a prefix of attendees_account_id_event_id_name_idx (account, event, names),
--   which serves the same look-ups; each ticket sold wrote both.
drop index holds_active_idx;
drop index attendees_account_id_event_id_idx;
