-- Why: issue 18. Bench/lists.sh at full scale (one account with 1,000,000 orders among 1,000 small ones) showed the
-- organizer lists' filters reading a whole event's 200,000 orders where an index could answer, for two reasons that
-- EXPLAIN ANALYZE as the application role made plain (docs/benchmarks.md, "Organizer lists at scale"):
--
-- 1. The tenant policies compared the account with a sub-select, `(select nullif(current_setting(...), '')::uuid)`.
--    The planner cannot look inside a sub-select, so it estimated "this account's rows" as 1 in 1,000 accounts and
--    multiplied that with the event's share: 203 orders where the flagship event has 200,000. With estimates that
--    wrong it joined and counted with plans made for a handful of rows (a ticket type filter: 300 ms; a week of orders:
--    230 ms). Written as a plain expression, the planner evaluates the (stable) setting while planning and uses the
--    account's real share; at run time the expression is computed once per index scan, like the sub-select was.
--    Same meaning: an unset account is null and matches no row.
do $$
declare
    p record;
    sub constant text := '( SELECT (NULLIF(current_setting(''app.account_id''::text, true), ''''::text))::uuid AS "nullif")';
    plain constant text := '(NULLIF(current_setting(''app.account_id''::text, true), ''''::text))::uuid';
begin
    for p in select tablename, policyname, qual, with_check from pg_policies
             where schemaname = 'public' and (qual like '%' || sub || '%' or with_check like '%' || sub || '%') loop
        execute format('alter policy %I on %I using (%s)', p.policyname, p.tablename, replace(p.qual, sub, plain));
        if p.with_check is not null then
            execute format('alter policy %I on %I with check (%s)', p.policyname, p.tablename,
                           replace(p.with_check, sub, plain));
        end if;
    end loop;
end $$;

-- 2. Under row level security a condition may only be used as an index condition when it is "leakproof" (it cannot
--    reveal another tenant's values through an error); LIKE, lower() and || are not marked so by PostgreSQL, so the
--    trigram indexes of V35 could only use their account and event columns, and every search read the event's rows.
--    Marking those built-in functions leakproof takes a superuser, once per database: db/superuser/leakproof.sql
--    (the embedded database does it; the README's set-up for your own server includes it; the application warns at
--    start when it is missing). The attendees' searched text used coalesce(), which PostgreSQL always treats as
--    leaky, so it becomes a stored column of its own: the condition is then `search_text like ...` alone.
alter table attendees add column search_text text generated always as (
    lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, ''))) stored;
do $$
begin
    if exists (select 1 from pg_indexes where indexname = 'attendees_event_search_idx') then
        drop index attendees_event_search_idx;
        create index attendees_event_search_idx on attendees using gin (account_id, event_id, search_text gin_trgm_ops);
    end if;
end $$;

-- 3. The orders of one ticket type: the lines of that type with their order, read from the index alone.
create index order_lines_ticket_order_idx on order_lines (account_id, ticket_id, order_id);
drop index order_lines_account_id_ticket_id_idx;

-- 4. A list's total counts exactly only when the planner says counting is cheap (platform.persistence.ListTotal):
--    the status "pending" among an event's 200,000 orders has no index of its own (paying an order changes the status,
--    and an index on it would end the payment's HOT update), so counting its 4,000 rows read all 200,000. Above the
--    budget the list shows the planner's estimate, "about 3,400 orders", as it already did above 10,000 rows.
--    planned() is planned_rows() with the plan's total cost beside the rows.
create function planned(query text, out rows bigint, out cost double precision)
    language plpgsql volatile security invoker as $$
declare
    plan json;
begin
    if query !~* '^\s*select\s' then
        raise exception 'planned takes a SELECT';
    end if;
    execute 'explain (format json) ' || query into plan;
    rows := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
    cost := (plan -> 0 -> 'Plan' ->> 'Total Cost')::double precision;
end $$;
-- planned_rows (V35) had ListTotal as its only caller.
drop function planned_rows(text);
