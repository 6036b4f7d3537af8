-- Why: the dashboards and reports (issue 16) must not scan raw orders on every page view. Three summary tables,
-- refreshed incrementally in the background (analytics.service.Rollups, every 30 s; docs/architecture.md,
-- "Dashboards and rollups"): what was sold per event, ticket type and day of the account's time zone, check-ins per
-- event and quarter hour, and per account how far the refresh got. They are plain tables, not materialized views, so
-- row level security holds for them like for every tenant table (a materialized view has none); nothing but the
-- refresh writes them, and the refresh only reads the sales tables (no lock a sale waits for).

-- One row per (event, day, ticket type or none, currency). ticket_id null: the event's own row for that day
-- (checkouts started, orders paid, tickets, revenue, discounts, refunds); otherwise one ticket type's share of the
-- orders paid that day (tickets, revenue, discounts). day is the day in the account's time zone of the payment,
-- the refund or the checkout. Money in minor units of currency, never added across currencies.
create table sales_daily (
    id             uuid        primary key default gen_random_uuid(),
    account_id     uuid        not null references accounts (id) deferrable initially deferred,
    event_id       uuid        not null,
    ticket_id      uuid,
    day            date        not null,
    currency       char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    checkouts      integer     not null default 0 check (checkouts >= 0),
    orders_paid    integer     not null default 0 check (orders_paid >= 0),
    tickets_sold   integer     not null default 0 check (tickets_sold >= 0),
    revenue_minor  bigint      not null default 0 check (revenue_minor >= 0),
    discount_minor bigint      not null default 0 check (discount_minor >= 0),
    refunds        integer     not null default 0 check (refunds >= 0),
    refunds_minor  bigint      not null default 0 check (refunds_minor >= 0),
    constraint sales_daily_account_id_id_key unique (account_id, id),
    constraint sales_daily_event_fkey foreign key (account_id, event_id) references events (account_id, id)
        on delete cascade deferrable initially deferred,
    constraint sales_daily_ticket_fkey foreign key (account_id, ticket_id) references tickets (account_id, id)
        on delete cascade deferrable initially deferred
);
-- the account dashboard reads days of a period; the event dashboard one event's days
create unique index sales_daily_key on sales_daily
    (account_id, day, event_id, coalesce(ticket_id, '00000000-0000-0000-0000-000000000000'::uuid), currency);
create index sales_daily_event_idx on sales_daily (account_id, event_id, day);

-- Admissions per event and quarter hour (UTC instants): admitted = tickets whose first entry (not undone) falls in
-- the quarter, entries = every entry (re-entries too).
create table checkin_rollup (
    id           uuid        primary key default gen_random_uuid(),
    account_id   uuid        not null references accounts (id) deferrable initially deferred,
    event_id     uuid        not null,
    bucket_start timestamptz not null,
    admitted     integer     not null default 0 check (admitted >= 0),
    entries      integer     not null default 0 check (entries >= 0),
    constraint checkin_rollup_account_id_id_key unique (account_id, id),
    constraint checkin_rollup_key unique (account_id, event_id, bucket_start),
    constraint checkin_rollup_event_fkey foreign key (account_id, event_id) references events (account_id, id)
        on delete cascade deferrable initially deferred
);

-- How far the refresh of an account got: the facts and check-ins since refreshed_at (less an overlap) are what the
-- next refresh looks at; time_zone is the zone the days were counted in (another zone rebuilds everything).
create table rollup_state (
    id           uuid        primary key default gen_random_uuid(),
    account_id   uuid        not null references accounts (id) deferrable initially deferred,
    time_zone    text        not null,
    refreshed_at timestamptz not null,
    took_ms      integer     not null default 0,
    constraint rollup_state_account_id_id_key unique (account_id, id),
    constraint rollup_state_account_key unique (account_id)
);

alter table sales_daily enable row level security;
alter table sales_daily force row level security;
create policy tenant_isolation on sales_daily
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));
alter table checkin_rollup enable row level security;
alter table checkin_rollup force row level security;
create policy tenant_isolation on checkin_rollup
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));
alter table rollup_state enable row level security;
alter table rollup_state force row level security;
create policy tenant_isolation on rollup_state
    using (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid))
    with check (account_id = (select nullif(current_setting('app.account_id', true), '')::uuid));

-- The refresh of the bound account (security invoker: row level security applies; nothing of another account is
-- read or written). p_since null rebuilds everything; otherwise only the (event, day) pairs that a sales fact
-- (hold, payment, refund) written since p_since names, and the check-ins of the events that had one since p_since.
-- Reads orders, order lines, payments and the sales facts without locking them. Returns the number of (event, day) pairs and
-- events refreshed.
create function rollup_refresh(p_since timestamptz, p_zone text) returns integer
    language plpgsql volatile
    set search_path = public, pg_temp
as $$
declare
    account uuid := nullif(current_setting('app.account_id', true), '')::uuid;
    pairs   jsonb;
    events  uuid[];
    n       integer;
begin
    if account is null then
        raise exception 'rollup_refresh: no account bound';
    end if;
    if p_since is null then
        -- everything: every (event, day) with a payment, a refund or a checkout
        select coalesce(jsonb_agg(distinct jsonb_build_object('e', x.event_id, 'd', x.day)), '[]'::jsonb) into pairs
          from (select o.event_id, (o.paid_at at time zone p_zone)::date as day from orders o where o.paid_at is not null
                union
                select o.event_id, (r.created_at at time zone p_zone)::date
                  from payments r join orders o on o.id = r.order_id where r.kind = 'refund' and r.status = 'succeeded'
                union
                select f.event_id, (f.occurred_at at time zone p_zone)::date from analytics f
                 where f.metric = 'hold_created' and f.granularity = 'fact' and f.event_id is not null) x;
        delete from sales_daily;
    else
        -- the (event, day) pairs a sales fact written since p_since names (index on (account_id, metric, bucket_start))
        select coalesce(jsonb_agg(distinct jsonb_build_object('e', f.event_id,
                            'd', (f.occurred_at at time zone p_zone)::date)), '[]'::jsonb)
          into pairs
          from analytics f
         where f.metric in ('hold_created', 'order_paid', 'order_refunded') and f.granularity = 'fact'
           and f.event_id is not null
           and f.bucket_start >= date_trunc('hour', p_since) and f.occurred_at >= p_since;
        delete from sales_daily s
         using jsonb_to_recordset(pairs) as p(e uuid, d date)
         where s.event_id = p.e and s.day = p.d;
    end if;
    n := jsonb_array_length(pairs);

    if n > 0 then
        insert into sales_daily (account_id, event_id, ticket_id, day, currency, checkouts, orders_paid, tickets_sold,
                                 revenue_minor, discount_minor, refunds, refunds_minor)
        with p as (select e, d, (d::timestamp at time zone p_zone) as d0, ((d + 1)::timestamp at time zone p_zone) as d1
                     from jsonb_to_recordset(pairs) as r(e uuid, d date)),
             -- everything at once when rebuilding; else per touched (event, day), from the event's orders
             paid as (select o.id, o.event_id, (o.paid_at at time zone p_zone)::date as d, o.currency, o.total_minor,
                             o.discount_minor
                        from orders o where p_since is null and o.paid_at is not null
                      union all
                      select o.id, o.event_id, p.d, o.currency, o.total_minor, o.discount_minor
                        from p join orders o on o.event_id = p.e and o.created_at < p.d1
                                            and o.paid_at >= p.d0 and o.paid_at < p.d1
                       where p_since is not null)
        select account, x.event_id, x.ticket_id, x.day, x.currency, sum(x.checkouts), sum(x.orders_paid),
               sum(x.tickets), sum(x.revenue), sum(x.discount), sum(x.refunds), sum(x.refunds_minor)
          from (
            -- orders paid that day (the event's row)
            select o.event_id, null::uuid as ticket_id, o.d as day, o.currency, 0 as checkouts, 1 as orders_paid,
                   (select coalesce(sum(l.quantity), 0) from order_lines l where l.order_id = o.id) as tickets,
                   o.total_minor as revenue, o.discount_minor as discount, 0 as refunds, 0::bigint as refunds_minor
              from paid o
            union all
            -- each ticket type's share of those orders
            select o.event_id, l.ticket_id, o.d, o.currency, 0, 0, l.quantity, l.total_minor, l.discount_minor, 0, 0
              from paid o join order_lines l on l.order_id = o.id
            union all
            -- refunds made that day
            select o.event_id, null, (r.created_at at time zone p_zone)::date, r.currency, 0, 0, 0, 0, 0, 1,
                   r.amount_minor
              from payments r join orders o on o.id = r.order_id
             where p_since is null and r.kind = 'refund' and r.status = 'succeeded'
            union all
            select o.event_id, null, p.d, r.currency, 0, 0, 0, 0, 0, 1, r.amount_minor
              from p join orders o on o.event_id = p.e and o.created_at < p.d1
                     join payments r on r.order_id = o.id and r.kind = 'refund' and r.status = 'succeeded'
                                    and r.created_at >= p.d0 and r.created_at < p.d1
             where p_since is not null
            union all
            -- checkouts started that day: the hold_created facts the checkout writes with each hold (holds
            -- themselves may be gone), in the event's currency
            select f.event_id, null, (f.occurred_at at time zone p_zone)::date, e.currency, 1, 0, 0, 0, 0, 0, 0
              from analytics f join events e on e.id = f.event_id
             where p_since is null and f.metric = 'hold_created' and f.granularity = 'fact'
            union all
            select f.event_id, null, p.d, e.currency, 1, 0, 0, 0, 0, 0, 0
              from p join analytics f on f.event_id = p.e and f.metric = 'hold_created' and f.granularity = 'fact'
                                     and f.bucket_start >= date_trunc('hour', p.d0) and f.bucket_start < p.d1
                                     and f.occurred_at >= p.d0 and f.occurred_at < p.d1
                     join events e on e.id = f.event_id
             where p_since is not null
          ) x
         group by x.event_id, x.ticket_id, x.day, x.currency;
    end if;

    -- check-ins: events with an entry or exit since p_since (events around now only: doors open at most a day early)
    select coalesce(array_agg(e.id), '{}') into events
      from events e
     where p_since is null
        or (e.starts_at < now() + interval '1 day' and e.ends_at > p_since - interval '1 day'
            and exists (select 1 from check_ins c where c.event_id = e.id and c.created_at >= p_since));
    if p_since is null then
        delete from checkin_rollup;
    elsif cardinality(events) > 0 then
        delete from checkin_rollup where event_id = any (events);
    end if;
    if cardinality(events) > 0 then
        insert into checkin_rollup (account_id, event_id, bucket_start, admitted, entries)
        select account, c.event_id, date_bin('15 minutes', c.created_at, timestamptz '2000-01-01 00:00:00+00'),
               count(*) filter (where c.first), count(*)
          from (select c.event_id, c.created_at,
                       row_number() over (partition by c.attendee_id order by c.created_at) = 1 as first
                  from check_ins c
                 where c.event_id = any (events) and c.direction = 'in' and c.undone_at is null) c
         group by c.event_id, 3;
    end if;
    return n + cardinality(events);
end
$$;

-- The accounts whose figures the background refresh keeps: active ones. Only ids (the accounts' policies would show
-- a background thread none); owned by the owner role, which reads the list.
create function rollup_accounts() returns setof uuid
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select id from accounts where status = 'active' order by id
$$;
revoke all on function rollup_accounts() from public;
