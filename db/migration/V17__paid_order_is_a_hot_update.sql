-- Why: paying an order rewrites its row (status, paid_at, buyer_contact_id, updated_at) under the event's sales lock,
-- and that update also wrote a new entry into every index of orders (eleven of them) because two indexes named
-- columns it changes. Neither serves a query any more (bench/checkout.sh, docs/benchmarks.md):
-- orders_pending_deadline_idx (its predicate names status) served the count of pending orders before V14, which now
--   sums ticket_takes;
-- orders_account_id_buyer_contact_id_idx: nothing looks orders up by contact (contacts are erased in place, never
--   deleted, so the foreign key never searches it either).
-- Without them the update changes no indexed column and can be a HOT update: the new version goes on the same page
-- and no index is written. For that the page needs room, so new pages of orders are filled to 80 % (an order is
-- written twice, placed then paid, and then hardly ever again).
drop index orders_pending_deadline_idx;
drop index orders_account_id_buyer_contact_id_idx;
alter table orders set (fillfactor = 80);
