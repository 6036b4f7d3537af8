-- Why: issue 18. The organizer lists of a large account (1,000,000 orders, 2,000,000 attendees, a million audit
-- entries, 5,000 events) must answer every page, filter and sort in well under 100 ms (bench/lists.sh,
-- docs/benchmarks.md "Organizer lists at scale"). EXPLAIN ANALYZE of the lists' own statements at that size showed:
-- sorting one event's orders read and sorted all of them (no index in any list order), exact counts read every row,
-- and the text searches (LIKE '%...%') read every order or ticket of the event.

-- 1. The orders list of one event, in each order it can be sorted by (the id breaks ties, as the list does), so a
--    page is the first rows of an index, from either end. Not the status: an index holding it would make paying an
--    order (status pending -> paid) write every index of orders instead of a HOT update of the row, which the
--    checkout rush depends on (CountCostIT); a status filter or sort reads the event's orders by another index.
create index orders_event_placed_at_idx on orders (account_id, event_id, placed_at, id);
create index orders_event_buyer_idx on orders (account_id, event_id, lower(buyer_name), id);
create index orders_event_total_idx on orders (account_id, event_id, total_minor, id);
create index orders_event_code_idx on orders (account_id, event_id, code, id);

-- 2. The attendee list's order (the existing name index lacks the id that breaks ties); the audit log by action and
--    by actor, newest first.
create index attendees_event_name_id_idx on attendees (account_id, event_id, lower(last_name), lower(first_name), id);
drop index attendees_account_id_event_id_name_idx;
-- the action filter is a prefix, which AuditService also writes as a range in byte order (collation "C")
create index audit_log_action_idx on audit_log (account_id, action collate "C", occurred_at desc, id);
create index audit_log_actor_idx on audit_log (account_id, actor_user_id, occurred_at desc, id)
    where actor_user_id is not null;

-- 3. planned_rows: the planner's estimate of a statement's rows (EXPLAIN, nothing run). A list's total above 10,000
--    rows is shown as "about N" from it instead of counting every row (platform.persistence.ListTotal). Runs as the
--    caller (security invoker), so row level security is part of the plan; it takes one SELECT only.
create function planned_rows(query text) returns bigint
    language plpgsql volatile security invoker as $$
declare
    plan json;
begin
    if query !~* '^\s*select\s' then
        raise exception 'planned_rows takes a SELECT';
    end if;
    execute 'explain (format json) ' || query into plan;
    return (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
end $$;

-- 4. Text search within one event: trigram indexes (pg_trgm) with the event in the same GIN index (btree_gin), so
--    "%mueller%" reads the matching rows of that event, not every row. Both extensions ship with PostgreSQL's
--    contrib and are trusted (the owner role may create them); where a server lacks them the indexes are left out
--    and the searches stay right, only slower (a notice in the migration's log says so).
do $$
begin
    begin
        create extension if not exists pg_trgm;
        create extension if not exists btree_gin;
    exception when others then
        raise notice 'pg_trgm or btree_gin is not available (%): the order and attendee searches run without an index',
            sqlerrm;
        return;
    end;
    -- the expressions must be written exactly so in OrderService (orders: code, buyer, email; attendees: name, email)
    execute $i$create index orders_event_search_idx on orders using gin (account_id, event_id,
        lower(code || ' ' || buyer_name || ' ' || buyer_email) gin_trgm_ops)$i$;
    execute $i$create index attendees_event_search_idx on attendees using gin (account_id, event_id,
        lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '')) gin_trgm_ops)$i$;
end $$;
