-- A signed-in member's transactions plan every statement with its values (plan_cache_mode = force_custom_plan, set
-- with the tenant: TransactionSettings.bind): a plan made once without them, which PostgreSQL keeps after five runs
-- of a statement on a connection, read all 200,000 orders of an event to list 25 of one ticket type (issue 18,
-- docs/benchmarks.md).
--
-- Functions written in PL/pgSQL keep PostgreSQL's own choice ("auto") whoever calls them: their statements are small
-- look-ups and writes run once per row or per account, where planning each run costs more than it saves; with the
-- setting on every connection, the outbox's claim planned its per-account update 1,001 times a round (19 ms a claim
-- became 160-290 ms). A function that needs plans with its values says so itself (live_ticket_counts, V13).
-- FunctionPlansCatalogIT makes every new PL/pgSQL function choose.
do $$
declare
    f regprocedure;
begin
    for f in select p.oid::regprocedure
             from pg_proc p join pg_language l on l.oid = p.prolang
             where p.pronamespace = 'public'::regnamespace and l.lanname = 'plpgsql'
               and not exists (select 1 from unnest(coalesce(p.proconfig, '{}'::text[])) c
                               where c like 'plan_cache_mode=%')
    loop
        execute format('alter function %s set plan_cache_mode = auto', f);
    end loop;
end
$$;
