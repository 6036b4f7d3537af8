-- Why: ticket_takes (V14) churns: every checkout inserts a row for its hold, deletes it when the hold becomes an
-- order, inserts one for the pending order and deletes it when the order is paid. A deleted row's index entry stays
-- until VACUUM, and autovacuum visits a database about once a minute, so in a rush the count under the sales lock
-- read ~6,700 entries of the event's range per call (bench/checkout.sh, "table reads") to find the ~500 live ones:
-- the planner chose a bitmap scan, which checks every entry's row and never marks the dead ones. A plain index scan
-- marks an entry whose row is dead to every transaction as it passes (PostgreSQL's "killed" index tuples), and later
-- scans skip such entries without visiting the table, so the count reads the rows of the buyers in progress and
-- little more. The function stays as V14 wrote it; only its settings change.
alter function live_ticket_counts(uuid, timestamptz, uuid) set enable_bitmapscan = off;
