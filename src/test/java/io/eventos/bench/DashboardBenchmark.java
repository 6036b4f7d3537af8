package io.eventos.bench;

import io.eventos.devserver.EmbeddedDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code bench/dashboards.sh}: the dashboards and reports under load (issue 16, docs/benchmarks.md). Starts a fresh
 * PostgreSQL with {@code fsync} and {@code synchronous_commit} on (in target/bench-dashboards) and the packaged WAR on
 * Payara Micro with an access log that records each request's time on the server; loads 1,000 accounts and 10,000
 * events ({@link BenchData}) and, set-based, 1,000,000 paid orders with one ticket (order line and attendee) each,
 * paid over the last 60 days; lets the server's own rollup refresh rebuild every account; signs in
 * {@value #ORGANIZERS} organizers, each the owner of another account; then each organizer, one client thread each,
 * opens back to back the account dashboard (30 and 90 days), the reports page (90 days) and one of its events'
 * dashboards: a warm-up, then a measured run. Reports per page: requests, p50/p95/p99 on the server (access log) and
 * at the client. Results go to the console and target/bench-dashboards/results.md.
 */
public final class DashboardBenchmark {

    static final int ORGANIZERS = 16;
    static final int ORDERS_PER_EVENT = 100;
    static final int ALONE_SECONDS = 20;

    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private final Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 40));
    /**
     * The organizers' pause between two pages in the paced phase (-Dbench.thinkMillis, default 2,000: a page read
     * for 1 to 3 s before the next click, which is quick for a person reading figures); the saturation phase after it
     * has none.
     */
    private final Duration think = Duration.ofMillis(Integer.getInteger("bench.thinkMillis", 2000));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private BenchServer bench;
    private EmbeddedDatabase database;
    private URI base;

    public static void main(String[] args) throws Exception {
        new DashboardBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench-dashboards"));
        // -Dbench.cacheSeconds=0 measures every request as a miss of the dashboards' figures cache
        String cacheSeconds = System.getProperty("bench.cacheSeconds");
        try (BenchServer server = BenchServer.start(dir, cacheSeconds == null ? Map.of()
                : Map.of("EVENTOS_DASHBOARD_CACHE_SECONDS", cacheSeconds))) {
            bench = server;
            database = bench.database();
            base = bench.base();
            var settings = database.settings();
            long started = System.nanoTime();
            durable(false); // loading only: every figure is measured with fsync on
            say("Loading " + BenchData.ACCOUNTS + " accounts and " + BenchData.ACCOUNTS * BenchData.EVENTS_PER_ACCOUNT
                    + " events ...");
            BenchData.load(settings.url(), settings.ownerUser(), settings.ownerPassword());
            say(String.format(Locale.ROOT, "  in %.0f s; %,d orders with refunds, holds and check-ins ...",
                    (System.nanoTime() - started) / 1e9, BenchData.ACCOUNTS * BenchData.EVENTS_PER_ACCOUNT
                            * (long) ORDERS_PER_EVENT));
            started = System.nanoTime();
            loadOrders();
            say(String.format(Locale.ROOT, "  in %.0f s; rebuilding the rollups ...", (System.nanoTime() - started) / 1e9));
            started = System.nanoTime();
            awaitRollups();
            say(String.format(Locale.ROOT, "  in %.0f s", (System.nanoTime() - started) / 1e9));
            durable(true);
            measure(dir);
        }
    }

    /**
     * {@code fsync} and {@code synchronous_commit} off while loading (faster on a busy disk), on again before
     * measuring: then a checkpoint writes everything loaded, and every measured commit waits for its flush.
     */
    private void durable(boolean on) throws Exception {
        try (Connection db = database.superuserConnection(EmbeddedDatabase.DATABASE); Statement sql = db.createStatement()) {
            sql.execute("alter system set fsync = " + (on ? "on" : "off"));
            sql.execute("alter system set synchronous_commit = " + (on ? "on" : "off"));
            sql.execute("select pg_reload_conf()");
            if (on) {
                sql.execute("checkpoint");
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) { // a new session sees the reloaded settings once the server has read them
            try (Connection db = database.superuserConnection(EmbeddedDatabase.DATABASE);
                 Statement sql = db.createStatement();
                 ResultSet rs = sql.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                if (rs.getString(1).equals(on ? "on" : "off") || System.nanoTime() > deadline) {
                    say("  fsync " + rs.getString(1) + ", synchronous_commit " + rs.getString(2));
                    return;
                }
            }
            Thread.sleep(200);
        }
    }

    /**
     * 100 paid orders of one ticket per event (1,000,000 at full scale), each with its line and attendee; sold counts;
     * one order in 20 refunded in full (a succeeded refund payment, its tickets refunded); a checkout started
     * ({@code hold_created} fact) for every order and one more abandoned for every second one; and check-ins: events 1
     * and 2 of each account took place 12 and 5 days ago, and 70 % of their valid tickets were admitted (one in ten
     * of those went out and in again).
     */
    private void loadOrders() throws Exception {
        try (Connection db = database.superuserConnection(EmbeddedDatabase.DATABASE); Statement sql = db.createStatement()) {
            // two events of each account in the past, so they have check-ins and a check-in rate
            sql.execute("set session_replication_role = replica");
            sql.execute("""
                    update events e set starts_at = date_trunc('day', now()) - x.ago * interval '1 day' + interval '9 hours',
                                        ends_at = date_trunc('day', now()) - x.ago * interval '1 day' + interval '17 hours'
                    from (values ('event-1', 12), ('event-2', 5)) x(slug, ago), accounts a
                    where e.slug = x.slug and a.id = e.account_id and a.slug like 'bench-%'""");
            sql.execute("""
                    update sessions s set starts_at = e.starts_at + (s.starts_at - (select min(s2.starts_at) from sessions s2
                                                                                    where s2.event_id = s.event_id)),
                                          ends_at = e.starts_at + (s.ends_at - (select min(s2.starts_at) from sessions s2
                                                                                where s2.event_id = s.event_id))
                    from events e where e.id = s.event_id and e.slug in ('event-1', 'event-2')""");
            sql.execute("set session_replication_role = origin");
            sql.execute("""
                    create temporary table gen as
                    select row_number() over () as g, gen_random_uuid() as order_id, gen_random_uuid() as line_id,
                           e.account_id, e.id as event_id, t.id as ticket_id, t.price_minor as price,
                           now() - random() * interval '60 days' as paid_at
                    from events e join accounts a on a.id = e.account_id and a.slug like 'bench-%%'
                    cross join generate_series(1, %d) n
                    join (select id, event_id, price_minor,
                                 row_number() over (partition by event_id order by sort_order) - 1 as k
                          from tickets) t on t.event_id = e.id and t.k = n %% 3""".formatted(ORDERS_PER_EVENT));
            // without triggers and key checks (the rows are consistent by construction); sold counts once below
            sql.execute("set session_replication_role = replica");
            sql.execute("""
                    insert into orders (id, account_id, event_id, code, access_token_hash, buyer_name, buyer_email,
                                        status, currency, subtotal_minor, total_minor, placed_at, created_at, paid_at)
                    select order_id, account_id, event_id, 'B' || g, md5('t' || g), 'Buyer ' || g,
                           'buyer' || g || '@example.org', 'paid', 'EUR', price, price,
                           paid_at - interval '5 minutes', paid_at - interval '5 minutes', paid_at
                    from gen""");
            sql.execute("""
                    insert into order_lines (id, account_id, order_id, ticket_id, quantity, unit_price_minor, total_minor)
                    select line_id, account_id, order_id, ticket_id, 1, price, price from gen""");
            sql.execute("""
                    insert into attendees (id, account_id, event_id, order_id, order_line_id, ticket_id, code,
                                           first_name, last_name)
                    select gen_random_uuid(), account_id, event_id, order_id, line_id, ticket_id,
                           md5(random()::text || g), 'Guest', 'Number ' || g
                    from gen""");
            // refunds: one order in 20, in full, a day or two after the payment (not in the future)
            sql.execute("""
                    insert into payments (id, account_id, order_id, provider, provider_ref, kind, status, amount_minor,
                                          currency, created_at, updated_at)
                    select gen_random_uuid(), account_id, order_id, 'bench', 'refund-' || g, 'refund', 'succeeded',
                           price, 'EUR', least(now(), paid_at + random() * interval '2 days'),
                           least(now(), paid_at + random() * interval '2 days')
                    from gen where g % 20 = 0""");
            sql.execute("update orders o set refunded_minor = o.total_minor from gen where gen.g % 20 = 0 "
                    + "and o.id = gen.order_id");
            sql.execute("update attendees a set status = 'refunded' from gen where gen.g % 20 = 0 "
                    + "and a.order_id = gen.order_id");
            // checkouts started: a hold_created fact per order, and one more abandoned for every second order
            sql.execute("""
                    insert into analytics (id, account_id, event_id, metric, granularity, bucket_start, occurred_at)
                    select gen_random_uuid(), account_id, event_id, 'hold_created', 'fact',
                           date_trunc('hour', at), at
                    from (select account_id, event_id, paid_at - interval '6 minutes' as at from gen
                          union all
                          select account_id, event_id, paid_at - interval '3 hours' from gen where g % 2 = 0) h""");
            // check-ins at the two past events: 70 % of valid tickets in the first three hours, 10 % of them twice
            sql.execute("""
                    insert into check_ins (id, account_id, attendee_id, event_id, direction, nonce, gate, created_at)
                    select gen_random_uuid(), a.account_id, a.id, a.event_id, 'in', 'bench-' || a.id || '-' || n, 'Main',
                           e.starts_at - interval '1 hour' + (random() * 3 + n - 1) * interval '1 hour'
                    from attendees a join events e on e.id = a.event_id and e.slug in ('event-1', 'event-2')
                         join accounts acc on acc.id = e.account_id and acc.slug like 'bench-%'
                         cross join generate_series(1, 2) n
                    where a.status = 'valid' and abs(hashtext(a.id::text)) % 10 < 7
                      and (n = 1 or abs(hashtext(a.id::text)) % 10 = 0)""");
            sql.execute("set session_replication_role = origin");
            sql.execute("""
                    update tickets t set sold_count = x.n
                    from (select ticket_id, count(*) as n from attendees where status = 'valid' group by 1) x
                    where x.ticket_id = t.id""");
            sql.execute("delete from rollup_state"); // the next rounds rebuild every account from the orders
            sql.execute("vacuum analyze");
        }
        // organizers: owners of bench-0001 ... with the demo owner's password, landing in their account
        bench.addOwners(java.util.stream.IntStream.rangeClosed(1, ORGANIZERS)
                .mapToObj(n -> "bench-" + String.format(Locale.ROOT, "%04d", n)).toList());
    }

    /** Waits until the server's refresh has rebuilt every active account after the load. */
    private void awaitRollups() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = database.superuserConnection(EmbeddedDatabase.DATABASE);
                 Statement sql = db.createStatement();
                 ResultSet rs = sql.executeQuery("""
                         select (select count(*) from accounts where status = 'active'),
                                (select count(*) from rollup_state), (select count(*) from sales_daily)""")) {
                rs.next();
                if (rs.getLong(2) >= rs.getLong(1)) {
                    say("  " + rs.getLong(3) + " rows of sales_daily");
                    return;
                }
            }
            Thread.sleep(5000);
        }
        throw new IllegalStateException("The rollups were not rebuilt within 20 minutes");
    }

    private record Organizer(String cookie, List<String> events) {
    }

    private static final String[] PAGES = {"account dashboard, 30 days: /app/?days=30",
            "account dashboard, 90 days: /app/?days=90", "reports, 90 days: /app/reports.xhtml?from=&to=",
            "event dashboard: /app/event-dashboard.xhtml?event="};

    private String path(int page, Organizer organizer) {
        LocalDate today = LocalDate.now();
        return switch (page) {
            case 0 -> "/app/?days=30";
            case 1 -> "/app/?days=90";
            case 2 -> "/app/reports.xhtml?from=" + today.minusDays(89) + "&to=" + today;
            default -> "/app/event-dashboard.xhtml?event="
                    + organizer.events().get(ThreadLocalRandom.current().nextInt(organizer.events().size()));
        };
    }

    private void measure(Path dir) throws Exception {
        List<Organizer> organizers = new ArrayList<>();
        for (int n = 1; n <= ORGANIZERS; n++) {
            List<String> events = new ArrayList<>();
            try (Connection db = database.superuserConnection(EmbeddedDatabase.DATABASE);
                 Statement sql = db.createStatement();
                 ResultSet rs = sql.executeQuery("select e.id from events e join accounts a on a.id = e.account_id "
                         + "where a.slug = 'bench-" + String.format(Locale.ROOT, "%04d", n) + "'")) {
                while (rs.next()) {
                    events.add(rs.getString(1));
                }
            }
            organizers.add(new Organizer(bench.signIn("organizer" + n + "@bench.eventos.test"), events));
        }
        say("Signed in " + ORGANIZERS + " organizers; warm-up " + warmup.toSeconds() + " s ...");
        load(organizers, warmup, Duration.ZERO);
        // paced: each organizer reads a page for a while before the next click, as people do
        int pacedFrom = bench.accessLines().size();
        say("Measuring " + measured.toSeconds() + " s, each organizer pausing " + think.toMillis() / 2 + "–"
                + think.toMillis() * 3 / 2 + " ms between pages ...");
        long[][] pacedClient = load(organizers, measured, think);
        List<String> pacedLines = bench.accessLines();
        List<String> paced = pacedLines.subList(Math.min(pacedFrom, pacedLines.size()), pacedLines.size());
        // saturation: every organizer clicks again as soon as a page has arrived (16 requests always in flight)
        int logLines = bench.accessLines().size();
        say("Measuring " + measured.toSeconds() + " s back to back ...");
        long[][] client = load(organizers, measured, Duration.ZERO);
        List<String> lines = bench.accessLines();
        List<String> window = lines.subList(Math.min(logLines, lines.size()), lines.size());
        // the same pages for one organizer alone: the work of a request without the queue of the others
        say("One organizer alone, " + ALONE_SECONDS + " s ...");
        int aloneFrom = bench.accessLines().size();
        load(organizers.subList(0, 1), Duration.ofSeconds(ALONE_SECONDS), Duration.ZERO);
        List<String> after = bench.accessLines();
        List<String> alone = after.subList(Math.min(aloneFrom, after.size()), after.size());

        List<String> out = new ArrayList<>();
        out.add("Run " + Instant.now() + ": " + ORGANIZERS + " organizers (one client thread each), warm-up "
                + warmup.toSeconds() + " s, then " + measured.toSeconds() + " s paced (a pause of " + think.toMillis() / 2
                + "–" + think.toMillis() * 3 / 2 + " ms between an organizer's pages) and " + measured.toSeconds()
                + " s back to back; PostgreSQL with fsync and synchronous_commit on; "
                + Runtime.getRuntime().availableProcessors() + " cores; load average after the run: "
                + BenchServer.loadAverage());
        out.add("");
        out.add("Paced (" + ORGANIZERS + " organizers reading their pages):");
        out.add("");
        out.add("| page | requests | on the server: p50 / p95 / p99 (ms) | at the client: p50 / p95 / p99 (ms) |");
        out.add("|---|---:|---:|---:|");
        for (int page = 0; page < PAGES.length; page++) {
            long[] atClient = Arrays.stream(pacedClient[page]).sorted().toArray();
            out.add(String.format(Locale.ROOT, "| %s | %d | %s | %s |", PAGES[page], atClient.length,
                    BenchServer.percentiles(serverTimes(paced, page), 1e3), BenchServer.percentiles(atClient, 1e6)));
        }
        out.add("");
        out.add("Back to back (saturation: " + ORGANIZERS + " requests always in flight on "
                + Runtime.getRuntime().availableProcessors() + " cores):");
        out.add("");
        out.add("| page | requests | " + ORGANIZERS + " organizers, on the server: p50 / p95 / p99 (ms) | "
                + "at the client: p50 / p95 / p99 (ms) | one organizer alone, on the server: p50 / p95 (ms) |");
        out.add("|---|---:|---:|---:|---:|");
        for (int page = 0; page < PAGES.length; page++) {
            long[] atClient = Arrays.stream(client[page]).sorted().toArray();
            out.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", PAGES[page], atClient.length,
                    BenchServer.percentiles(serverTimes(window, page), 1e3), BenchServer.percentiles(atClient, 1e6),
                    BenchServer.percentiles(serverTimes(alone, page), 1e3).replaceFirst(" / [^/]+$", "")));
        }
        Files.write(dir.resolve("results.md"), out);
        say("");
        out.forEach(DashboardBenchmark::say);
        say("Written to " + dir.resolve("results.md"));
    }

    /** The server's times (µs) of one page's successful requests among access log lines, sorted. */
    private static long[] serverTimes(List<String> lines, int page) {
        String prefix = switch (page) {
            case 0 -> "GET /app/?days=30 ";
            case 1 -> "GET /app/?days=90 ";
            case 2 -> "GET /app/reports.xhtml?";
            default -> "GET /app/event-dashboard.xhtml?";
        };
        return BenchServer.serverTimes(lines, prefix);
    }

    /**
     * Latencies in ns per page (0..3) of {@code duration} of every organizer requesting its pages in turn, pausing
     * about {@code pause} between two (zero: back to back).
     */
    private long[][] load(List<Organizer> organizers, Duration duration, Duration pause) throws InterruptedException {
        return BenchServer.drive(organizers, PAGES.length, duration, pause, (organizer, page) -> http.send(
                HttpRequest.newBuilder(base.resolve(path(page, organizer))).header("Cookie", organizer.cookie())
                        .header("User-Agent", PublicPagesBenchmark.BROWSER_AGENT).timeout(Duration.ofSeconds(60))
                        .build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    }

    private static void say(String line) {
        BenchServer.say(line);
    }
}
