package io.eventos.bench;

import io.eventos.devserver.EmbeddedDatabase;

import java.io.IOException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

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
        try (BenchServer started = BenchServer.start(dir)) {
            bench = started;
            database = started.database;
            base = started.base;
            var settings = database.settings();
            long begun = System.nanoTime();
            say("Loading 1,000 accounts and 10,000 events ...");
            BenchData.load(settings.url(), settings.ownerUser(), settings.ownerPassword());
            say("  in " + BenchServer.seconds(begun) + "; 1,000,000 orders ...");
            begun = System.nanoTime();
            loadOrders();
            say("  in " + BenchServer.seconds(begun) + "; rebuilding the rollups ...");
            begun = System.nanoTime();
            awaitRollups();
            say("  in " + BenchServer.seconds(begun));
            measure(dir);
        }
    }

    /** 100 paid orders of one ticket per event (1,000,000), each with its line and attendee; sold counts. */
    private void loadOrders() throws Exception {
        try (Connection db = database.superuserConnection(EmbeddedDatabase.DATABASE); Statement sql = db.createStatement()) {
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
            sql.execute("set session_replication_role = origin");
            sql.execute("""
                    update tickets t set sold_count = x.n
                    from (select ticket_id, count(*) as n from attendees group by 1) x where x.ticket_id = t.id""");
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
        load(organizers, warmup);
        int logLines = bench.accessLines().size();
        say("Measuring " + measured.toSeconds() + " s ...");
        long[][] client = load(organizers, measured);
        List<String> lines = bench.accessLines();
        List<String> window = lines.subList(Math.min(logLines, lines.size()), lines.size());
        // the same pages for one organizer alone: the work of a request without the queue of the others
        say("One organizer alone, " + ALONE_SECONDS + " s ...");
        int aloneFrom = bench.accessLines().size();
        load(organizers.subList(0, 1), Duration.ofSeconds(ALONE_SECONDS));
        List<String> after = bench.accessLines();
        List<String> alone = after.subList(Math.min(aloneFrom, after.size()), after.size());

        List<String> out = new ArrayList<>();
        out.add("Run " + Instant.now() + ": " + ORGANIZERS + " organizers (one client thread each, back to back), "
                + "warm-up " + warmup.toSeconds() + " s, measured " + measured.toSeconds() + " s; PostgreSQL with fsync "
                + "and synchronous_commit on; " + Runtime.getRuntime().availableProcessors() + " cores; load average "
                + "after the run: " + BenchServer.loadAverage());
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
        return lines.stream().filter(l -> l.startsWith(prefix) && l.contains(" 200 "))
                .mapToLong(BenchServer::timeTakenMicros).filter(t -> t >= 0).sorted().toArray();
    }

    /** Latencies in ns per page (0..3) of {@code duration} of every organizer requesting its pages in turn. */
    private long[][] load(List<Organizer> organizers, Duration duration) throws InterruptedException {
        List<List<Long>> perPage = new ArrayList<>();
        for (int p = 0; p < PAGES.length; p++) {
            perPage.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(organizers.size());
        long end = System.nanoTime() + duration.toNanos();
        for (Organizer organizer : organizers) {
            Thread thread = new Thread(() -> {
                try {
                    int page = ThreadLocalRandom.current().nextInt(PAGES.length);
                    while (System.nanoTime() < end) {
                        page = (page + 1) % PAGES.length;
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(
                                            path(page, organizer))).header("Cookie", organizer.cookie())
                                    .header("User-Agent", PublicPagesBenchmark.BROWSER_AGENT)
                                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                                continue;
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            continue;
                        }
                        perPage.get(page).add(System.nanoTime() - start);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        if (failures.get() > 0) {
            say("  " + failures.get() + " requests failed or were not 200");
        }
        long[][] out = new long[PAGES.length][];
        for (int p = 0; p < PAGES.length; p++) {
            out[p] = perPage.get(p).stream().mapToLong(Long::longValue).toArray();
        }
        return out;
    }

    private static void say(String line) {
        BenchServer.say(line);
    }
}
