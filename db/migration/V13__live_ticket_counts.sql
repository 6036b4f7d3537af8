-- What the checkout counts besides the sold tickets (tickets.sold_count, V12): the tickets of pending orders before
-- their payment deadline and of holds before they expire, per ticket type of one event, for the account bound to
-- the transaction (row level security applies: the function runs as its caller).
--
-- A function so that its plan does not depend on how fresh PostgreSQL's statistics are. Counted in place, the live
-- orders and holds were joined to all attendees and hold lines of the account, and with statistics that had not yet
-- seen a rush (autovacuum analyzes a table only after a tenth of it changed) or with many buyers in progress the
-- planner chose to scan them all, under the sales lock: 32,873 buffers for one count with 300 buyers in progress and
-- 8,000 tickets sold, instead of under 3,000 (CountCostIT). Here the live ones are found through their partial
-- indexes and their tickets looked up one order or hold at a time (lateral ... offset 0 keeps that order of the join;
-- no sequential scans keeps the look-ups on the indexes), so the cost follows the buyers in progress, never the
-- tickets already sold. Planned at every call: a plan kept by a pooled connection since the tables were small went on
-- reading 32,873 buffers once 8,000 tickets had been sold, until the next ANALYZE (CountCostIT); planning anew sees
-- the tables' current size.
create function live_ticket_counts(p_event uuid, p_at timestamptz, p_except_hold uuid)
    returns table (ticket_id uuid, pending bigint, held bigint)
    language plpgsql stable
    set enable_seqscan = off
    set enable_hashjoin = off
    set enable_mergejoin = off
    set plan_cache_mode = force_custom_plan
as $$
#variable_conflict use_column
begin
    return query
    select x.ticket_id, sum(x.pending)::bigint, sum(x.held)::bigint
    from (select a.ticket_id, 1 as pending, 0 as held
          from orders o
          cross join lateral (select a.ticket_id from attendees a
                              where a.account_id = o.account_id and a.order_id = o.id and a.status = 'valid'
                              offset 0) a
          where o.event_id = p_event and o.status = 'pending'
            and (o.payment_deadline is null or o.payment_deadline > p_at)
          union all
          select hl.ticket_id, 0, hl.quantity
          from holds h
          cross join lateral (select hl.ticket_id, hl.quantity from hold_lines hl
                              where hl.account_id = h.account_id and hl.hold_id = h.id
                              offset 0) hl
          where h.event_id = p_event and h.status = 'active' and h.expires_at > p_at
            and h.id is distinct from p_except_hold) x
    group by x.ticket_id;
end
$$;
