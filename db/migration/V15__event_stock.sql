-- Why: a buyer's hold takes the event's sales lock, counts what is taken and commits, and every other buyer of the
-- event waits meanwhile. That was three round trips under the lock (the lock, the count per ticket type, the event's
-- and groups' capacities), each a wake-up of a busy server's thread and of a PostgreSQL backend (bench/checkout.sh).
-- event_stock answers the whole stock of an event in one statement, and with a lock timeout it first takes the sales
-- lock itself, so the hold's section under the lock is one round trip and the commit.
--
-- Volatile (the default), as it must be: a volatile function takes a new snapshot for each statement in it, so in
-- READ COMMITTED the count after the lock sees every sale committed before the lock was granted, exactly as a
-- separate statement after the lock did. (A stable one would count with the snapshot of the call, taken before the
-- wait; PostgreSQL refuses a row lock in one: "SELECT FOR NO KEY UPDATE is not allowed in a non-volatile function".)
create function event_stock(p_event uuid, p_at timestamptz, p_except_hold uuid, p_lock_timeout text)
    returns table (kind text, id uuid, name text, capacity integer, group_id uuid, sold bigint, pending bigint,
                   held bigint)
    language plpgsql
as $$
#variable_conflict use_column
begin
    if p_lock_timeout is not null then
        perform set_config('lock_timeout', p_lock_timeout, true);
        perform 1 from events e where e.id = p_event for no key update;
    end if;
    return query
    select x.kind, x.id, x.name, x.capacity, x.group_id, x.sold, x.pending, x.held
    from (select 'ticket' as kind, 1 as part, t.sort_order, t.id, t.name, t.quantity as capacity,
                 t.capacity_group_id as group_id, t.sold_count::bigint as sold,
                 coalesce(live.pending, 0) as pending, coalesce(live.held, 0) as held
          from tickets t
          left join live_ticket_counts(p_event, p_at, p_except_hold) live on live.ticket_id = t.id
          where t.event_id = p_event
          union all
          select 'event', 0, 0, null::uuid, null::text, e.capacity, null::uuid, 0, 0, 0
          from events e where e.id = p_event
          union all
          select 'group', 2, 0, g.id, g.name, g.capacity, null::uuid, 0, 0, 0
          from capacity_groups g where g.event_id = p_event) x
    order by x.part, x.sort_order, x.name;
end
$$;
