#!/usr/bin/env bash
# EXPLAIN ANALYZE of the organizer lists' statements before and after V35 (docs/benchmarks.md "Organizer lists at
# scale"), on the database bench/lists.sh holds at its end: bench/lists.sh -Dbench.hold=900, then, while it holds,
# bench/lists-explain.sh PORT (the port it prints). "Before" plans drop the new index inside a rolled-back transaction.
# Needs psql.
P=$1
Q="psql -h 127.0.0.1 -p $P -U postgres -d eventos -At"
ACC=$($Q -c "select id from accounts where slug='bench-large'")
EV=$($Q -c "select id from events where account_id='$ACC' and slug='show-1'")
run() { # $1 title, $2 sql (as the app role, the account bound), $3 optional index to drop first
  echo "=== $1"
  { echo "begin;"; [ -n "$3" ] && echo "drop index $3;"; echo "set local role eventos_app; select set_config('app.account_id', '$ACC', true);"; echo "explain (analyze, buffers, timing off, summary on) $2;"; echo "rollback;"; } | psql -h 127.0.0.1 -p $P -U postgres -d eventos -q 2>&1 | grep -E "Execution Time|Buffers: shared|^ *(Limit|Sort|Index|Bitmap|Seq|Aggregate|Incremental|Nested|Hash)" | head -8
}
W="o.event_id = '$EV'"
run "orders: exact count (before)" "select count(*) from orders o where true and $W"
run "orders: total, exact or estimated in one statement (after)" "select case when p.cost * least(1, 10001.0 / greatest(p.rows, 1)) <= 25000 then (select count(*) from (select 1 from orders o where true and $W limit 10001) x) end, p.rows from planned('select 1 from orders o where true and o.event_id = ''$EV''') p"
run "orders: newest first, page 1, no index (before)" "select o.id from orders o where true and $W order by o.placed_at desc, o.id limit 25 offset 0" "orders_event_placed_at_idx"
run "orders: newest first, page 1 (after)" "select o.id from orders o where true and $W order by o.placed_at desc, o.id desc limit 25 offset 0"
N=$($Q -c "select count(*) from orders where event_id='$EV'")
run "orders: last page by offset (before)" "select o.id from orders o where true and $W order by o.placed_at desc, o.id desc limit 25 offset $(( (N-1)/25*25 ))"
run "orders: last page from the end (after)" "select o.id from orders o where true and $W order by o.placed_at asc, o.id asc limit 25 offset 0"
run "orders: sort by total, no index (before)" "select o.id from orders o where true and $W order by o.total_minor desc, o.id limit 25" "orders_event_total_idx"
run "orders: sort by total (after)" "select o.id from orders o where true and $W order by o.total_minor desc, o.id desc limit 25"
run "orders: search mueller, three LIKEs (before)" "select count(*) from orders o where true and $W and (lower(o.code) like '%mueller%' or lower(o.buyer_name) like '%mueller%' or lower(o.buyer_email) like '%mueller%')"
run "orders: search mueller, trigram (after)" "select count(*) from orders o where true and $W and lower(o.code || ' ' || o.buyer_name || ' ' || o.buyer_email) like '%mueller%'"
run "attendees: exact count (before)" "select count(*) from attendees a where a.event_id = '$EV'"
run "attendees: search hoffmann, concat with the order (before)" "select count(*) from attendees a join orders o on o.id = a.order_id where a.event_id = '$EV' and lower(concat(coalesce(a.first_name, ''), ' ', coalesce(a.last_name, ''), ' ', coalesce(a.email, ''), ' ', o.code)) like '%hoffmann%'"
run "attendees: search hoffmann, trigram (after)" "select count(*) from attendees a where a.event_id = '$EV' and (lower(coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, '') || ' ' || coalesce(a.email, '')) like '%hoffmann%' or a.order_id in (select o.id from orders o where o.event_id = '$EV' and lower(o.code || ' ' || o.buyer_name || ' ' || o.buyer_email) like '%hoffmann%' and lower(o.code) like '%hoffmann%'))"
run "audit: exact count with the users join (before)" "select count(*) from audit_log a left join users u on u.id = a.actor_user_id where true"
run "audit: last page by offset (before)" "select a.id from audit_log a left join users u on u.id = a.actor_user_id where true order by a.occurred_at desc, a.id limit 25 offset $(( $($Q -c "select count(*) from audit_log where account_id='$ACC'") - 25 ))"
run "audit: last page from the end (after)" "select a.id from audit_log a left join users u on u.id = a.actor_user_id where true order by a.occurred_at asc, a.id asc limit 25"
run "audit: action order.placed, count (before)" "select count(*) from audit_log a where true and a.action like 'order.placed%'"
run "events: sold per page counted from attendees (before)" "select a.event_id, count(*) from attendees a where a.event_id in (select id from (select id from events order by starts_at limit 24) x union all select '$EV') and a.status = 'valid' group by 1"
run "events: sold per page from tickets.sold_count (after)" "select event_id, sum(sold_count) from tickets where event_id in (select id from (select id from events order by starts_at limit 24) x union all select '$EV') group by 1"
