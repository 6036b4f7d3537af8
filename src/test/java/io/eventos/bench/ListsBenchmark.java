package io.eventos.bench;

import io.eventos.testing.RawHttp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/lists.sh}: the organizer lists of one large account (issue 18, docs/benchmarks.md "Organizer lists at
 * scale"). Starts the server and a durable database ({@link BenchServer}: fsync and synchronous_commit on throughout),
 * loads {@link BenchData}'s 1,000 small accounts and 10,000 events with {@value #SMALL_ORDERS_PER_EVENT} paid orders
 * each (so row level security has other accounts' rows to leave out), and set-based one large account
 * ({@code bench-large}): 5,000 events at 50 venues, 1,000,000 orders of two tickets (2,000,000 attendees), 20 % of
 * them at one flagship event, 50 % at 50 large events, the rest spread, one audit entry per order. Then every list,
 * filter and sort as a signed-in owner of the large account does it in the browser — the page's GET, and the
 * PrimeFaces AJAX posts of the filter button, the paginator and a column header — with {@code bench.clients}
 * clients (each its own session) for {@code bench.seconds}, then one client alone, whose requests also give the
 * statements per request (pg_stat_statements, counted like OrganizerListQueriesIT). Each request carries
 * {@code bench=<scenario>} in its address, so the access log gives each scenario's time on the server.
 *
 * <p>Settings: {@code bench.scale} (1.0: the sizes above; 0.05 for a quick proof), {@code bench.clients} (32),
 * {@code bench.warmup} (3 s), {@code bench.paced} (20 s: each client pausing {@code bench.thinkMillis}, 2,000 ms,
 * ± half between requests, as 32 organizers reading their lists), {@code bench.seconds} (8 s back to back),
 * {@code bench.alone} (4 s), {@code bench.only} (a scenario
 * name prefix, e.g. "orders"), {@code bench.hold} (seconds to keep the database and server up at the end, for
 * EXPLAIN ANALYZE by hand). Results in the console and {@code target/bench/lists-results.md}.
 */
public final class ListsBenchmark {

    static final int LARGE_EVENTS = 5_000;
    static final int LARGE_ORDERS = 1_000_000;
    static final int SMALL_ORDERS_PER_EVENT = 20;
    static final int VENUES = 50;

    private final double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
    private final int clients = Integer.getInteger("bench.clients", 32);
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 3));
    private final Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
    private final Duration alone = Duration.ofSeconds(Integer.getInteger("bench.alone", 4));
    /** The paced phase: each client pauses between half and one and a half times this before each request. */
    private final Duration think = Duration.ofMillis(Integer.getInteger("bench.thinkMillis", 2000));
    private final Duration paced = Duration.ofSeconds(Integer.getInteger("bench.paced", 20));
    private final String only = System.getProperty("bench.only", "");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private BenchServer bench;
    private URI base;
    private final List<long[]> timeline = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        new ListsBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        try (BenchServer started = BenchServer.start(dir.resolve("lists"))) {
            bench = started;
            base = started.base;
            var settings = bench.database.settings();
            long begun = System.nanoTime();
            long loading = begun;
            say("Loading 1,000 accounts and 10,000 events ...");
            BenchData.load(settings.url(), settings.ownerUser(), settings.ownerPassword());
            say("  in " + BenchServer.seconds(begun) + "; the large account and everyone's orders ...");
            begun = System.nanoTime();
            loadLargeAccount();
            say("  in " + BenchServer.seconds(begun) + "; data loaded in " + BenchServer.seconds(loading)
                    + " (" + bench.durability() + ")");
            bench.addOwners(List.of("bench-large"));
            measure(dir);
            bench.holdIfAsked();
        }
    }

    // ------------------------------------------------------------------------------------------------ the data

    private int n(int full) {
        return Math.max(1, (int) Math.round(full * scale));
    }

    private void loadLargeAccount() throws Exception {
        int events = Math.max(60, n(LARGE_EVENTS));
        int orders = Math.max(10_000, n(LARGE_ORDERS));
        try (Connection db = bench.superuser(); Statement sql = db.createStatement()) {
            // fsync stays on; only the checkpoints are spaced out while loading (a setting, not a durability one)
            sql.execute("alter system set max_wal_size = '8GB'");
            sql.execute("select pg_reload_conf()");
            sql.execute("set synchronous_commit = off"); // this session's commits only: the load, not the measurement
            sql.execute("set session_replication_role = replica"); // no triggers and key checks: consistent by construction
            sql.execute("""
                    insert into accounts (id, slug, name, contact_email, default_time_zone, status)
                    values (gen_random_uuid(), 'bench-large', 'Large Festival Organizer', 'hello@large.bench.eventos.test',
                            'Europe/Berlin', 'active')""");
            sql.execute("""
                    create temporary table large as select id from accounts where slug = 'bench-large'""");
            sql.execute("""
                    insert into venues (id, account_id, name, address_line1, city, postal_code, country, time_zone)
                    select gen_random_uuid(), (select id from large), 'Venue ' || v || ' ' ||
                           (array['Arena','Hall','Club','Park','Theatre'])[1 + v %% 5],
                           'Street ' || v, (array['Berlin','Hamburg','Munich','Cologne','Leipzig'])[1 + v %% 5],
                           '10' || lpad(v::text, 3, '0'), 'DE', 'Europe/Berlin'
                    from generate_series(1, %d) v""".formatted(VENUES));
            // event k: k = 1 the flagship, 2..51 the large ones, the rest small; a year back and a year ahead
            sql.execute("""
                    create temporary table large_events as
                    select k, gen_random_uuid() as id,
                           (array(select id from venues where account_id = (select id from large) order by name))
                               [1 + k %% %d] as venue_id,
                           date_trunc('day', now()) + ((k * 7919) %% 730 - 365) * interval '1 day' + interval '19 hours'
                               as starts_at
                    from generate_series(1, %d) k""".formatted(VENUES, events));
            sql.execute("""
                    insert into events (id, account_id, venue_id, slug, name, summary, starts_at, ends_at, time_zone,
                                        status, visibility, currency, published_at, cancel_reason)
                    select e.id, (select id from large), e.venue_id, 'show-' || e.k,
                           case when e.k = 1 then 'Summer Festival Main Weekend'
                                else (array['Jazz','Rock','Comedy','Opera','Techno','Folk','Poetry','Tech Talk'])
                                         [1 + e.k % 8] || ' ' ||
                                     (array['Night','Matinee','Session','Gala','Live','Marathon'])[1 + (e.k / 8) % 6]
                                     || ' ' || e.k end,
                           'Show number ' || e.k, e.starts_at, e.starts_at + interval '3 hours', 'Europe/Berlin',
                           case when e.k % 10 = 0 then 'draft' when e.k % 23 = 0 then 'cancelled'
                                when e.starts_at < now() then 'completed' else 'published' end,
                           'public', 'EUR', now() - interval '400 days',
                           case when e.k % 10 <> 0 and e.k % 23 = 0 then 'The artist fell ill.' end
                    from large_events e""");
            sql.execute("""
                    insert into tickets (id, account_id, event_id, name, price_minor, currency, quantity, sales_start,
                                         sales_end, sort_order)
                    select gen_random_uuid(), (select id from large), e.id, t.name, t.price, 'EUR', null,
                           e.starts_at - interval '400 days', e.starts_at, t.sort
                    from large_events e, (values ('Standing', 3900, 1), ('Seated', 6900, 2)) t(name, price, sort)""");
            // the orders: g → event k (20 % flagship, 50 % events 2..51, 30 % the rest), two tickets of one type
            sql.execute("""
                    create temporary table gen as
                    select g, gen_random_uuid() as order_id, gen_random_uuid() as line_id, e.id as event_id,
                           t.id as ticket_id, t.price_minor as price,
                           e.starts_at - (1 + (g * 7) %% 240) * interval '1 day' - (g %% 1440) * interval '1 minute'
                               as placed_at,
                           (array['Anna','Ben','Clara','David','Emma','Felix','Greta','Hannah','Jonas','Lena','Max',
                                  'Mia','Noah','Paul','Sophie','Tom','Lea','Luis','Marie','Elias'])[1 + g %% 20] as first,
                           (array['Schmidt','Müller','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz',
                                  'Hoffmann','Koch','Richter','Klein','Wolf','Schröder','Neumann','Schwarz','Braun',
                                  'Zimmermann','Krüger','Hofmann','Hartmann','Lange','Schmitt','Werner','Krause',
                                  'Meier','Lehmann','Schmid','Schulze','Maier','Köhler','Herrmann','König','Walter',
                                  'Mayer','Huber','Kaiser','Fuchs','Peters','Lang','Scholz','Möller','Weiß','Jung',
                                  'Hahn','Schubert','Vogel','Friedrich','Keller'])[1 + (g / 20) %% 50] as last,
                           case when g %% 50 = 0 then 'pending' when g %% 25 = 0 then 'cancelled'
                                when g %% 97 = 0 then 'expired' else 'paid' end as status
                    from generate_series(1, %1$d) g
                    join large_events e on e.k = case when g <= %1$d / 5 then 1
                                                      when g <= %1$d * 7 / 10 then 2 + g %% 50
                                                      else 52 + g %% (%2$d - 51) end
                    join tickets t on t.event_id = e.id and t.sort_order = 1 + g %% 2""".formatted(orders, events));
            insertOrders(sql, "(select id from large)", "'L' || lpad(g::text, 7, '0')");
            // everyone else's orders: SMALL_ORDERS_PER_EVENT per event of the 1,000 small accounts
            sql.execute("drop table gen");
            sql.execute("""
                    create temporary table gen as
                    select row_number() over () + 10000000 as g, gen_random_uuid() as order_id,
                           gen_random_uuid() as line_id, e.account_id, e.id as event_id, t.id as ticket_id,
                           t.price_minor as price, now() - random() * interval '60 days' as placed_at,
                           'Guest' as first, 'Number ' || n as last, 'paid' as status
                    from events e join accounts a on a.id = e.account_id and a.slug like 'bench-0%%'
                    cross join generate_series(1, %d) n
                    join tickets t on t.event_id = e.id and t.sort_order = 1 + n %% 3""".formatted(
                    n(SMALL_ORDERS_PER_EVENT)));
            insertOrders(sql, "account_id", "'S' || g");
            sql.execute("set session_replication_role = origin");
            sql.execute("""
                    update tickets t set sold_count = x.n
                    from (select a.ticket_id, count(*) as n from attendees a join orders o on o.id = a.order_id
                          where o.status = 'paid' and a.status = 'valid' group by 1) x where x.ticket_id = t.id""");
            sql.execute("alter system reset max_wal_size");
            sql.execute("select pg_reload_conf()");
            sql.execute("vacuum analyze");
            sql.execute("checkpoint");
        }
    }

    /** The orders in temporary table gen, their lines, two attendees each and an audit entry each. */
    private static void insertOrders(Statement sql, String account, String code) throws Exception {
        sql.execute("""
                insert into orders (id, account_id, event_id, code, access_token_hash, buyer_name, buyer_email,
                                    status, currency, subtotal_minor, total_minor, placed_at, created_at, paid_at,
                                    refund_requested_at)
                select order_id, %1$s, event_id, %2$s, md5('t' || g), first || ' ' || last,
                       lower(translate(first || '.' || last, 'äöüß', 'aous')) || g || '@example.org',
                       status, 'EUR', 2 * price, 2 * price, placed_at, placed_at,
                       case when status = 'paid' then placed_at + interval '1 minute' end,
                       case when status = 'paid' and g %% 499 = 0 then placed_at + interval '3 days' end
                from gen""".formatted(account, code));
        sql.execute("""
                insert into order_lines (id, account_id, order_id, ticket_id, quantity, unit_price_minor, total_minor)
                select line_id, %s, order_id, ticket_id, 2, price, 2 * price from gen""".formatted(account));
        sql.execute("""
                insert into attendees (id, account_id, event_id, order_id, order_line_id, ticket_id, code,
                                       first_name, last_name, email, status)
                select gen_random_uuid(), %s, event_id, order_id, line_id, ticket_id, md5(random()::text || g || n),
                       case when n = 1 then first else (array['Alex','Kim','Sam','Robin','Charlie'])[1 + g %% 5] end,
                       last, case when n = 1 then lower(translate(first || '.' || last, 'äöüß', 'aous')) || g
                                  || '@example.org' end,
                       case when status = 'paid' then 'valid' else 'cancelled' end
                from gen, generate_series(1, 2) n""".formatted(account));
        sql.execute("""
                insert into audit_log (id, account_id, occurred_at, actor_kind, action, subject_type, subject_id,
                                       event_id, after)
                select gen_random_uuid(), %s, placed_at, 'attendee',
                       case when status = 'paid' then 'order.paid' else 'order.placed' end, 'order', order_id,
                       event_id, jsonb_build_object('total_minor', 2 * price)
                from gen""".formatted(account));
    }

    // ---------------------------------------------------------------------------------------------- scenarios

    /** One kind of request: its name, the page it starts from, and what it sends (null: the page's GET). */
    private record Scenario(String name, String page, String form, Map<String, String> post) {
    }

    private List<Scenario> scenarios() throws Exception {
        String flagship = one("""
                select e.id from events e join accounts a on a.id = e.account_id
                where a.slug = 'bench-large' and e.slug = 'show-1'""");
        String venue = one("""
                select v.id from venues v join accounts a on a.id = v.account_id
                where a.slug = 'bench-large' order by v.name limit 1""");
        String ticket = one("select id from tickets where event_id = '" + flagship + "' order by sort_order limit 1");
        String flagshipDay = one("select (starts_at - interval '30 days')::date from events where id = '" + flagship + "'");
        long orders = Long.parseLong(one("select count(*) from orders where event_id = '" + flagship + "'"));
        long attendees = Long.parseLong(one("select count(*) from attendees where event_id = '" + flagship + "'"));
        long events = Long.parseLong(one("""
                select count(*) from events e join accounts a on a.id = e.account_id where a.slug = 'bench-large'"""));
        long audit = Long.parseLong(one("""
                select count(*) from audit_log l join accounts a on a.id = l.account_id where a.slug = 'bench-large'"""));
        LocalDate today = LocalDate.now();
        String ev = "/app/events.xhtml";
        String or = "/app/orders.xhtml?event=" + flagship;
        String at = "/app/attendees.xhtml?event=" + flagship;
        String au = "/app/audit.xhtml";
        List<Scenario> all = new ArrayList<>();
        all.add(new Scenario("events: open (" + events + " events, soonest first)", ev, null, null));
        all.add(new Scenario("events: page 3", ev, "events-form", page("events", 50, 25)));
        all.add(new Scenario("events: last page", ev, "events-form", page("events", last(events, 25), 25)));
        all.add(new Scenario("events: search \"jazz night\"", ev, "events-form", filter("events", "filter",
                Map.of("text", "jazz night", "status_input", "", "venue_input", "", "from_input", "", "to_input", ""))));
        all.add(new Scenario("events: status draft", ev, "events-form", filter("events", "filter",
                Map.of("text", "", "status_input", "draft", "venue_input", "", "from_input", "", "to_input", ""))));
        all.add(new Scenario("events: one venue", ev, "events-form", filter("events", "filter",
                Map.of("text", "", "status_input", "", "venue_input", venue, "from_input", "", "to_input", ""))));
        all.add(new Scenario("events: next 30 days", ev, "events-form", filter("events", "filter",
                Map.of("text", "", "status_input", "", "venue_input", "", "from_input", today.toString(),
                        "to_input", today.plusDays(30).toString()))));
        all.add(new Scenario("events: sort by name", ev, "events-form", sort("events", "Event", true)));
        all.add(new Scenario("events: sort by venue", ev, "events-form", sort("events", "Venue", true)));
        all.add(new Scenario("events: sort by status", ev, "events-form", sort("events", "Status", false)));
        all.add(new Scenario("orders: open (flagship, " + orders + " orders, newest first)", or, null, null));
        all.add(new Scenario("orders: page 3", or, "orders-form", page("orders", 50, 25)));
        all.add(new Scenario("orders: last page", or, "orders-form", page("orders", last(orders, 25), 25)));
        Map<String, String> none = Map.of("text", "", "status_input", "", "ticket_input", "", "from_input", "",
                "to_input", "");
        all.add(new Scenario("orders: search \"mueller\"", or, "orders-form", filter("orders", "filter",
                with(none, "text", "mueller"))));
        all.add(new Scenario("orders: search an email \"anna.schmidt1\"", or, "orders-form", filter("orders", "filter",
                with(none, "text", "anna.schmidt1"))));
        all.add(new Scenario("orders: status pending", or, "orders-form", filter("orders", "filter",
                with(none, "status_input", "pending"))));
        all.add(new Scenario("orders: refund requested", or, "orders-form", filter("orders", "filter",
                with(none, "status_input", "refund_requested"))));
        all.add(new Scenario("orders: one ticket type", or, "orders-form", filter("orders", "filter",
                with(none, "ticket_input", ticket))));
        all.add(new Scenario("orders: placed within a week", or, "orders-form", filter("orders", "filter",
                with(with(none, "from_input", flagshipDay), "to_input", LocalDate.parse(flagshipDay).plusDays(6)
                        .toString()))));
        all.add(new Scenario("orders: sort by buyer", or, "orders-form", sort("orders", "Buyer", true)));
        all.add(new Scenario("orders: sort by total", or, "orders-form", sort("orders", "Total", false)));
        all.add(new Scenario("orders: sort by code", or, "orders-form", sort("orders", "Order", true)));
        all.add(new Scenario("attendees: open (flagship, " + attendees + " tickets, by name)", at, null, null));
        all.add(new Scenario("attendees: page 3", at, "attendees-form", page("attendees", 100, 50)));
        all.add(new Scenario("attendees: last page", at, "attendees-form", page("attendees", last(attendees, 50), 50)));
        all.add(new Scenario("attendees: search \"hoffmann\"", at, "attendees-form", filter("attendees", "search",
                Map.of("text", "hoffmann"))));
        all.add(new Scenario("attendees: search an order code", at, "attendees-form", filter("attendees", "search",
                Map.of("text", one("select code from orders where event_id = '" + flagship + "' limit 1")))));
        Map<String, String> noAudit = Map.of("action", "", "actor", "", "from_input", "", "to_input", "");
        all.add(new Scenario("audit log: open (" + audit + " entries, newest first)", au, null, null));
        all.add(new Scenario("audit log: page 3", au, "audit-form", page("entries", 50, 25)));
        all.add(new Scenario("audit log: last page", au, "audit-form", page("entries", last(audit, 25), 25)));
        all.add(new Scenario("audit log: action \"order.placed\"", au, "audit-form", filter("entries", "filter",
                with(noAudit, "action", "order.placed"))));
        all.add(new Scenario("audit log: actor (the owner)", au, "audit-form", filter("entries", "filter",
                with(noAudit, "actor", "organizer1@bench.eventos.test"))));
        all.add(new Scenario("audit log: one week", au, "audit-form", filter("entries", "filter",
                with(with(noAudit, "from_input", today.minusDays(7).toString()), "to_input", today.toString()))));
        all.add(new Scenario("venues: open (" + VENUES + " venues)", "/app/venues.xhtml", null, null));
        return all.stream().filter(s -> s.name().startsWith(only)).toList();
    }

    private static long last(long rows, int size) {
        return Math.max(0, (rows - 1) / size * size);
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(fields);
        out.put(name, value);
        return out;
    }

    /** The paginator's AJAX post ({@code table} in the form). */
    private static Map<String, String> page(String table, long first, int rows) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("@table", table);
        p.put("jakarta.faces.behavior.event", "page");
        p.put("jakarta.faces.partial.event", "page");
        p.put("@_pagination", "true");
        p.put("@_first", String.valueOf(first));
        p.put("@_rows", String.valueOf(rows));
        p.put("@_skipChildren", "true");
        p.put("@_encodeFeature", "true");
        return p;
    }

    /** A click on a column header: its id is read from the page ("#title" is replaced by it). */
    private static Map<String, String> sort(String table, String title, boolean ascending) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("@table", table);
        p.put("jakarta.faces.behavior.event", "sort");
        p.put("jakarta.faces.partial.event", "sort");
        p.put("@_sorting", "true");
        p.put("@_skipChildren", "true");
        p.put("@_encodeFeature", "true");
        p.put("@_sortKey", "#" + title);
        p.put("@_sortDir", ascending ? "1" : "-1");
        return p;
    }

    /** The filter button's AJAX post with these fields (names without the form's prefix). */
    private static Map<String, String> filter(String table, String button, Map<String, String> fields) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("@table", table);
        p.put("@button", button);
        fields.forEach((name, value) -> p.put("=" + name, value));
        return p;
    }

    // ---------------------------------------------------------------------------------------------- measuring

    private void measure(Path dir) throws Exception {
        List<Scenario> scenarios = scenarios();
        say("Signing in " + clients + " sessions ...");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(signIn("organizer1@bench.eventos.test"));
        }
        List<String> slowestLines = new ArrayList<>();
        List<String> out = new ArrayList<>();
        out.add("Run " + Instant.now() + ": the large account (scale " + scale + "), " + clients
                + " clients (one session each, back to back), warm-up " + warmup.toSeconds() + " s, measured "
                + measured.toSeconds() + " s, then paced " + paced.toSeconds() + " s (each client pausing "
                + think.toMillis() / 2 + "–" + think.toMillis() * 3 / 2 + " ms between requests, as a person reading "
                + "the list), then one client alone " + alone.toSeconds() + " s per scenario; "
                + bench.durability() + "; " + Runtime.getRuntime().availableProcessors() + " cores; load average "
                + "before: " + BenchServer.loadAverage());
        out.add("");
        out.add("| list, filter or sort | " + clients + " clients paced: requests, on the server p50 / p95 / p99 (ms) "
                + "| " + clients + " clients back to back: requests, on the server p50 / p95 / p99 (ms) "
                + "| at the client, back to back: p50 / p95 (ms) | one client alone, on the server: p50 / p95 (ms) "
                + "| statements / request |");
        out.add("|---|---:|---:|---:|---:|---:|");
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario scenario = scenarios.get(s);
            String tag = "s" + s;
            say(scenario.name() + " ...");
            try {
                measure(scenario, tag, sessions, out, slowestLines);
            } catch (Exception e) { // one scenario's failure (e.g. a request over the time limit) is a row, not the end
                String line = "| " + scenario.name() + " | failed: " + e.getClass().getSimpleName() + " "
                        + e.getMessage() + " | | | | |";
                say("  " + line);
                out.add(line);
            }
        }
        out.add("");
        out.add("Load average after: " + BenchServer.loadAverage());
        out.add("");
        out.add("The slowest statement of each scenario's requests alone (pg_stat_statements: mean time, shared buffers "
                + "per call):");
        out.add("");
        out.addAll(slowestLines);
        Files.write(dir.resolve("lists-results.md"), out);
        say("");
        out.forEach(ListsBenchmark::say);
        say("Written to " + dir.resolve("lists-results.md"));
    }

    /** One scenario: 32 clients back to back (warm-up, then measured), then one client alone; its row added. */
    private void measure(Scenario scenario, String tag, List<String> sessions, List<String> out,
                         List<String> slowestLines) throws Exception {
        {
            run(scenario, tag, sessions, warmup, Duration.ZERO);
            int pacedFrom = bench.accessLines().size();
            timeline.clear();
            long pacedStart = System.nanoTime();
            run(scenario, tag, sessions, paced, think);
            say("    paced, slowest at the client (s into the phase: ms): " + timeline.stream()
                    .sorted((a, b) -> Long.compare(b[1], a[1])).limit(12)
                    .map(t -> String.format(Locale.ROOT, "%.1f: %d", (t[0] - pacedStart) / 1e9, t[1] / 1_000_000))
                    .collect(java.util.stream.Collectors.joining(", ")));
            List<String> pacedLines = bench.accessLines();
            long[] pacedServer = serverTimes(pacedLines.subList(Math.min(pacedFrom, pacedLines.size()),
                    pacedLines.size()), tag);
            int from = bench.accessLines().size();
            long[] client = run(scenario, tag, sessions, measured, Duration.ZERO);
            List<String> lines = bench.accessLines();
            long[] server = serverTimes(lines.subList(Math.min(from, lines.size()), lines.size()), tag);
            // alone: the work of a request without the queue of the others, and its statements
            Client one = new Client(sessions.get(0));
            one.prepare(scenario, tag);
            int aloneFrom = bench.accessLines().size();
            // the back-to-back phase's last requests may still be running on the server (their clients gave up)
            boolean quiet = bench.awaitQuiet(Duration.ofSeconds(30));
            bench.statements(true);
            long requests = one.loop(scenario, tag, System.nanoTime() + alone.toNanos(), new ArrayList<>(),
                    Duration.ZERO);
            long statements = bench.statements(false);
            String slowest = bench.slowestStatement();
            List<String> after = bench.accessLines();
            long[] aloneTimes = serverTimes(after.subList(Math.min(aloneFrom, after.size()), after.size()), tag);
            String line = String.format(Locale.ROOT, "| %s | %d: %s | %d: %s | %s | %s | %.1f |", scenario.name(),
                    pacedServer.length, BenchServer.percentiles(pacedServer, 1e3),
                    server.length, BenchServer.percentiles(server, 1e3),
                    BenchServer.percentiles(client, 1e6).replaceFirst(" / [^/]+$", ""),
                    BenchServer.percentiles(aloneTimes, 1e3).replaceFirst(" / [^/]+$", ""),
                    requests == 0 ? Double.NaN : statements / (double) requests)
                    + (quiet ? "" : " the server was still busy when the count began |");
            say("  " + line);
            say("    slowest statement alone: " + slowest);
            out.add(line);
            slowestLines.add("- " + scenario.name() + ": " + slowest);
        }
    }

    /**
     * Every client runs the scenario for {@code duration}, pausing about {@code think} between requests (zero: back to
     * back); the latencies at the client (ns), sorted.
     */
    private long[] run(Scenario scenario, String tag, List<String> sessions, Duration duration, Duration think)
            throws InterruptedException {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(sessions.size());
        long end = System.nanoTime() + duration.toNanos();
        for (String session : sessions) {
            Thread thread = new Thread(() -> {
                try {
                    Client client = new Client(session);
                    client.prepare(scenario, tag);
                    client.loop(scenario, tag, end, times, think);
                } catch (Exception e) {
                    if (failures.incrementAndGet() == 1) {
                        say("  a client failed: " + e.getMessage());
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        return times.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** One signed-in browser tab: the list page open (its view state), then the scenario's request again and again. */
    private final class Client {
        private final String cookie;
        private Map<String, String> hidden = Map.of();
        private String html = "";

        Client(String cookie) {
            this.cookie = cookie;
        }

        void prepare(Scenario scenario, String tag) throws Exception {
            HttpResponse<String> page = send(HttpRequest.newBuilder(address(scenario.page(), tag + "-open")).GET());
            if (page.statusCode() != 200) {
                throw new IllegalStateException(scenario.page() + " answered " + page.statusCode());
            }
            html = page.body();
            if (scenario.form() != null) {
                hidden = RawHttp.formFields(html, scenario.form());
            }
        }

        long loop(Scenario scenario, String tag, long end, List<Long> times, Duration think) throws Exception {
            long done = 0;
            while (System.nanoTime() < end) {
                if (!BenchServer.pause(think, end)) { // a person reading the list before the next click
                    break;
                }
                long start = System.nanoTime();
                HttpResponse<String> response = scenario.post() == null
                        ? send(HttpRequest.newBuilder(address(scenario.page(), tag)).GET())
                        : send(HttpRequest.newBuilder(address(scenario.page(), tag))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                        .POST(HttpRequest.BodyPublishers.ofString(body(scenario))));
                long took = System.nanoTime() - start;
                String body = response.body();
                if (response.statusCode() != 200 || body.contains("<error>") || body.contains("id=\"login-form\"")
                        || (scenario.post() != null && !body.contains("<partial-response"))) {
                    throw new IllegalStateException(scenario.name() + ": " + response.statusCode() + " "
                            + body.substring(0, Math.min(300, body.length())));
                }
                times.add(took);
                if (!think.isZero()) {
                    timeline.add(new long[] {start, took});
                }
                done++;
            }
            return done;
        }

        private String body(Scenario scenario) {
            String form = scenario.form();
            String table = form + ":" + scenario.post().get("@table");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("jakarta.faces.partial.ajax", "true");
            String button = scenario.post().get("@button");
            if (button != null) {
                fields.put("jakarta.faces.source", form + ":" + button);
                fields.put("jakarta.faces.partial.execute", form);
                fields.put("jakarta.faces.partial.render", table);
                fields.put(form + ":" + button, form + ":" + button);
            } else {
                fields.put("jakarta.faces.source", table);
                fields.put("jakarta.faces.partial.execute", table);
                fields.put("jakarta.faces.partial.render", table);
            }
            scenario.post().forEach((name, value) -> {
                if (name.startsWith("@_")) {
                    fields.put(table + name.substring(1), value.startsWith("#") ? columnId(table, value.substring(1))
                            : value);
                } else if (name.startsWith("=")) {
                    fields.put(form + ":" + name.substring(1), value);
                } else if (!name.startsWith("@")) {
                    fields.put(name, value);
                }
            });
            hidden.forEach(fields::putIfAbsent);
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return body.toString();
        }

        /** The client id of the column whose header says {@code title}. */
        private String columnId(String table, String title) {
            Matcher th = Pattern.compile("<th id=\"(" + Pattern.quote(table) + ":[^\"]+)\"(.*?)</th>", Pattern.DOTALL)
                    .matcher(html);
            while (th.find()) {
                if (th.group(2).contains(">" + title + "<")) {
                    return th.group(1);
                }
            }
            throw new IllegalStateException("No column \"" + title + "\" in " + table);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.header("Cookie", cookie).header("User-Agent", PublicPagesBenchmark.BROWSER_AGENT)
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI address(String page, String tag) {
        return base.resolve(page + (page.contains("?") ? "&" : "?") + "bench=" + tag);
    }

    /** The server's times (µs) of a scenario's successful requests (its tag in the address). */
    private static long[] serverTimes(List<String> lines, String tag) {
        Pattern mine = Pattern.compile("[?&]bench=" + Pattern.quote(tag) + " ");
        return lines.stream().filter(l -> mine.matcher(l).find() && l.contains(" 200 "))
                .mapToLong(BenchServer::timeTakenMicros).filter(t -> t >= 0).sorted().toArray();
    }

    /** Signs in over HTTP like the sign-in form does (a full post) and returns the session cookie. */
    private String signIn(String email) {
        RawHttp client = new RawHttp(base);
        RawHttp.Response form = client.get("/login.xhtml", Map.of());
        Map<String, String> fields = new LinkedHashMap<>(RawHttp.formFields(form.body(), "login-form"));
        fields.put("login-form:email", email);
        fields.put("login-form:password", BenchServer.PASSWORD);
        fields.put("login-form:sign-in", "Sign in");
        RawHttp.Response answer = client.post("/login.xhtml", fields, Map.of());
        if (answer.status() != 302 || String.valueOf(answer.header("Location")).contains("login")) {
            throw new IllegalStateException("Signing in as " + email + " failed: " + answer.status() + " "
                    + answer.header("Location"));
        }
        return client.cookieHeader();
    }

    private String one(String query) throws Exception {
        try (Connection db = bench.superuser(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void say(String line) {
        BenchServer.say(line);
    }
}
