-- Why: every row level security policy compared each row with
--     nullif(current_setting('app.account_id', true), '')::uuid
-- current_setting() is only STABLE, so PostgreSQL evaluated it again for every row a query looked at: counting the
-- tickets taken of an event (Inventory, under the sales lock) spent most of its time there, about 5 microseconds a row
-- (measured by bench/checkout.sh with EXPLAIN ANALYZE). Written as a scalar subquery, the setting is read once per
-- statement (an InitPlan) and compared as a constant, which index scans can use too. What the policies allow is
-- unchanged. New tables follow the same form (docs/architecture.md, "Adding a table").
do $$
declare
    p record;
    bound_account constant text := '(select nullif(current_setting(''app.account_id'', true), '''')::uuid)';
begin
    for p in select tablename from pg_policies where schemaname = 'public' and policyname = 'tenant_isolation'
    loop
        execute format('alter policy tenant_isolation on %I using (account_id = %s) with check (account_id = %s)',
                       p.tablename, bound_account, bound_account);
    end loop;
end
$$;

alter policy tenant_self on accounts
    using (id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (id = (select nullif(current_setting('app.account_id', true), '')::uuid));
alter policy member_accounts on accounts
    using (exists (select 1 from account_users au
                   where au.account_id = accounts.id
                     and au.user_id = (select nullif(current_setting('app.user_id', true), '')::uuid)));
alter policy own_memberships on account_users
    using (user_id = (select nullif(current_setting('app.user_id', true), '')::uuid));

-- every policy now reads the settings through a subquery; a policy written the old way fails the migration
do $$
declare
    old_style text;
begin
    select string_agg(tablename || '.' || policyname, ', ') into old_style
    from (select tablename, policyname, coalesce(qual, '') || ' ' || coalesce(with_check, '') as body
          from pg_policies where schemaname = 'public') p
    where (length(body) - length(replace(body, 'current_setting', ''))) / length('current_setting')
          <> (length(body) - length(replace(body, 'SELECT (NULLIF(current_setting', '')))
             / length('SELECT (NULLIF(current_setting');
    if old_style is not null then
        raise exception 'policies still read the setting per row: %', old_style;
    end if;
end
$$;
