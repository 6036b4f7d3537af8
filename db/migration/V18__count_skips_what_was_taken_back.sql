-- Why: ticket_takes (V14) churns: every checkout inserts a row for its hold, deletes it when the hold becomes an
-- order, inserts one for the pending order and deletes it when the order is paid. A deleted row's index entry stays
-- until VACUUM, and autovacuum visits a database about once a minute, so in a rush the count under the sales lock
-- read ~6,700 entries of the event's range per call (bench/checkout.sh, "table reads") to find the ~500 live ones:
-- the planner chose a bitmap scan, which checks every entry's row and never marks the dead ones. A plain index scan
-- marks an entry whose row is dead to every transaction as it passes (PostgreSQL's "killed" index tuples), and later
-- scans skip such entries without visiting the table, so the count reads the rows of the buyers in progress and
-- little more. Same function as V14 otherwise.
create or replace function live_ticket_counts(p_event uuid, p_at timestamptz, p_except_hold uuid)
    returns table (ticket_id uuid, pending bigint, held bigint)
    language plpgsql stable
    set enable_seqscan = off
    set enable_bitmapscan = off
    set enable_hashjoin = off
    set enable_mergejoin = off
    set plan_cache_mode = auto
as $$
#variable_conflict use_column
begin
    return query
    select t.ticket_id,
           coalesce(sum(t.quantity) filter (where t.kind = 'pending'), 0)::bigint,
           coalesce(sum(t.quantity) filter (where t.kind = 'held'), 0)::bigint
    from ticket_takes t
    where t.event_id = p_event and t.until > p_at and t.owner_id is distinct from p_except_hold
    group by t.ticket_id;
end
$$;
