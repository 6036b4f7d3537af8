package io.eventos.bench;

import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.devserver.PayaraProcess;
import io.eventos.testing.AppStatements;
import io.eventos.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code mvn -Pbench}: the public pages under load. Starts PostgreSQL (fresh, in target/bench) and the packaged WAR
 * on Payara Micro with the demo account, loads 1,000 accounts and 10,000 events ({@link BenchData}), then runs each
 * scenario with {@code bench.clients} concurrent clients on this machine: a warm-up, then a measured run; it
 * reports median, p99, mean and throughput per scenario, the ratio to a trivial page, and the database statements
 * per request (pg_stat_statements). Results go to the console and target/bench/results.md.
 * <p>Settings (system properties): {@code bench.clients} (32), {@code bench.warmup} (15 s), {@code bench.seconds}
 * (20 s), {@code bench.organizerPath} (/app/events.xhtml, or the dashboard /app/index.xhtml where there is none),
 * {@code bench.durable} (true: fsync and synchronous_commit on, as production; false for the fsync-off column),
 * {@code bench.only} (run only the scenarios whose name contains it, e.g. "any of 10,000"; the trivial page always
 * runs, as the yardstick), {@code bench.serverJvmOptions} (JVM options for the server, e.g. a flight recording: {@link PayaraProcess}),
 * {@code bench.acceptEncoding} (what the clients send as {@code Accept-Encoding}: Chromium's by default, so pages are
 * answered as browsers get them; the bodies are read, not decoded; empty for none, as before session 20).
 */
public final class PublicPagesBenchmark {

    static final String BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    private final int clients = Integer.getInteger("bench.clients", 32);
    private final String acceptEncoding = System.getProperty("bench.acceptEncoding", "gzip, deflate, br, zstd");
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
    private final Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> report = new ArrayList<>();
    /** Server-Timing of the last load run's responses (public pages only), sorted, in ns. */
    private volatile long[] lastServerTimes = new long[0];

    private EmbeddedDatabase database;
    private URI base;

    public static void main(String[] args) throws Exception {
        new PublicPagesBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        Files.createDirectories(dir);
        say("Starting PostgreSQL (fresh, " + dir.resolve("pg") + ") ...");
        // production's durability (fsync and synchronous_commit on) unless -Dbench.durable=false (the second column)
        boolean durable = Boolean.parseBoolean(System.getProperty("bench.durable", "true"));
        say("PostgreSQL " + (durable ? "durable (fsync and synchronous_commit on)" : "with fsync off"));
        database = EmbeddedDatabase.start(dir.resolve("pg"), freePort(), true, durable);
        int port = freePort();
        var settings = database.settings();
        Map<String, String> env = BenchServer.environment(settings);
        say("Starting EventOS on port " + port + " ...");
        try (PayaraProcess server = PayaraProcess.start(
                Path.of(System.getProperty("bench.microJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("bench.war", "target/eventos.war")), port, env,
                dir.resolve("server.log"), line -> { })) {
            if (!server.awaitReady(Duration.ofMinutes(8))) {
                throw new IllegalStateException("EventOS did not start: " + server.lastError());
            }
            base = server.baseUri();
            long started = System.nanoTime();
            say("Loading 1,000 accounts and 10,000 events ...");
            BenchData.load(settings.url(), settings.ownerUser(), settings.ownerPassword());
            say(String.format(Locale.ROOT, "  loaded in %.1f s", (System.nanoTime() - started) / 1e9));
            try (Connection admin = database.superuserConnection(EmbeddedDatabase.DATABASE)) {
                AppStatements.enable(admin);
            }
            measureAll(dir);
        } finally {
            database.close();
        }
    }

    private void measureAll(Path dir) throws Exception {
        String organizerPath = System.getProperty("bench.organizerPath", "/app/events.xhtml");
        String cookie = signIn();
        if (get(organizerPath, cookie).statusCode() != 200) {
            say("  " + organizerPath + " is not there; measuring the organizer dashboard /app/index.xhtml instead");
            organizerPath = "/app/index.xhtml";
        }
        String organizer = organizerPath;
        report.add("| scenario | 1 client: median (ms) | %d clients: requests | throughput (req/s) | median (ms) | "
                .formatted(clients) + "p99 (ms) | mean (ms) | on the server: median / p99 (ms) | "
                + "DB statements / request | median / trivial median |");
        report.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Result trivial = scenario("trivial page: GET /health/live", () -> "/health/live", null, null);
        scenario("trivial Faces page: GET / (landing page)", () -> "/", null, trivial);
        scenario("public event page, 100 popular events", () -> eventPath(10), null, trivial);
        scenario("public event page, any of 10,000 events", () -> eventPath(BenchData.ACCOUNTS), null, trivial);
        if (renderEveryEventPageOnce()) {
            scenario("public event page, any of 10,000 events, each rendered once before", () ->
                    eventPath(BenchData.ACCOUNTS), null, trivial);
        }
        scenario("public organizer page, any of 1,000", () -> "/e/bench-" + pad(rnd(BenchData.ACCOUNTS)), null,
                trivial);
        scenario("public event page revisited (If-None-Match: 304), 100 popular events", this::revisit, null,
                trivial);
        scenario("organizer events list (signed in): GET " + organizer, () -> organizer, cookie, trivial);

        String uptime = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim()
                : "n/a";
        List<String> out = new ArrayList<>();
        out.add("Run " + Instant.now() + " — " + clients + " clients, warm-up " + warmup.toSeconds() + " s, measured "
                + measured.toSeconds() + " s per scenario, " + Runtime.getRuntime().availableProcessors()
                + " cores, PostgreSQL " + (Boolean.parseBoolean(System.getProperty("bench.durable", "true"))
                ? "durable (fsync on)" : "fsync off") + ", Accept-Encoding: "
                + (acceptEncoding.isBlank() ? "none" : acceptEncoding) + ", load average after the run: " + uptime);
        out.add("");
        out.addAll(report);
        Files.write(dir.resolve("results.md"), out);
        say("");
        out.forEach(PublicPagesBenchmark::say);
        say("");
        say("Written to " + dir.resolve("results.md"));
    }

    /**
     * Issue 18's "render once per change": every event page visited once (as its publication, its organizer's preview
     * or its first visitors would), so that each has a rendering kept in the database; then waits until all are kept.
     * Says how long that took. False when the scenario that needs it is not run.
     */
    private boolean renderEveryEventPageOnce() throws Exception {
        String only = System.getProperty("bench.only", "");
        if (!only.isBlank() && !"public event page, any of 10,000 events, each rendered once before".contains(only)) {
            return false;
        }
        int pages = BenchData.ACCOUNTS * BenchData.EVENTS_PER_ACCOUNT;
        say("Visiting each of the " + pages + " event pages once ...");
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < pages; i = next.getAndIncrement()) {
                    send("/e/bench-" + pad(1 + i / BenchData.EVENTS_PER_ACCOUNT) + "/event-"
                            + (1 + i % BenchData.EVENTS_PER_ACCOUNT), null);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double visited = (System.nanoTime() - started) / 1e9;
        long kept = 0;
        long last = -1;
        long stableSince = System.nanoTime();
        try (Connection admin = database.superuserConnection(EmbeddedDatabase.DATABASE);
             Statement sql = admin.createStatement()) {
            while (kept < pages && System.nanoTime() - stableSince < Duration.ofSeconds(20).toNanos()) {
                try (var rs = sql.executeQuery("select count(*) from public_page_renderings")) {
                    rs.next();
                    kept = rs.getLong(1);
                }
                if (kept != last) {
                    last = kept;
                    stableSince = System.nanoTime();
                }
                Thread.sleep(500);
            }
        }
        String line = String.format(Locale.ROOT, "  %d pages visited in %.1f s (%.0f/s); %d renderings kept after "
                + "%.1f s", pages, visited, pages / visited, kept, (System.nanoTime() - started) / 1e9);
        say(line);
        report.add("");
        report.add("Before the next row: " + line.strip());
        report.add("");
        report.add("| scenario | 1 client: median (ms) | %d clients: requests | throughput (req/s) | median (ms) | "
                .formatted(clients) + "p99 (ms) | mean (ms) | on the server: median / p99 (ms) | "
                + "DB statements / request | median / trivial median |");
        report.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        return true;
    }

    /** A visitor who has the page already: a conditional request with the tag it was given (answered 304). */
    private final Map<String, String> tags = new java.util.concurrent.ConcurrentHashMap<>();

    private String revisit() {
        return "revisit:" + eventPath(10);
    }

    private String eventPath(int accounts) {
        return "/e/bench-" + pad(rnd(accounts)) + "/event-" + rnd(BenchData.EVENTS_PER_ACCOUNT);
    }

    private static int rnd(int bound) {
        return 1 + ThreadLocalRandom.current().nextInt(bound);
    }

    private static String pad(int n) {
        return String.format(Locale.ROOT, "%04d", n);
    }

    record Result(String name, long requests, double throughput, double median, double p99, double mean) {
    }

    private Result scenario(String name, Supplier<String> paths, String cookie, Result trivial) throws Exception {
        String only = System.getProperty("bench.only", "");
        if (trivial != null && !only.isBlank() && !name.contains(only)) {
            return null;
        }
        say("Scenario: " + name + " (warm-up " + warmup.toSeconds() + " s) ...");
        load(paths, cookie, warmup, clients);
        // the time one request takes without waiting for others (no queueing): one client, back to back
        long[] single = Arrays.stream(load(paths, cookie, Duration.ofSeconds(5), 1))
                .flatMapToLong(Arrays::stream).sorted().toArray();
        double singleMedian = single.length == 0 ? Double.NaN : single[single.length / 2] / 1e6;
        long statementsBefore = statements(true);
        long[][] samples = load(paths, cookie, measured, clients);
        long statements = statements(false) - statementsBefore;
        long[] all = Arrays.stream(samples).flatMapToLong(Arrays::stream).sorted().toArray();
        long[] server = lastServerTimes;
        String onServer = server.length == 0 ? "–" : String.format(Locale.ROOT, "%.1f / %.1f",
                server[server.length / 2] / 1e6,
                server[Math.min(server.length - 1, (int) Math.ceil(server.length * 0.99) - 1)] / 1e6);
        if (all.length == 0) {
            throw new IllegalStateException("No request succeeded in " + name);
        }
        double median = all[all.length / 2] / 1e6;
        double p99 = all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)] / 1e6;
        double mean = Arrays.stream(all).average().orElse(0) / 1e6;
        double throughput = all.length / (double) measured.toSeconds();
        Result result = new Result(name, all.length, throughput, median, p99, mean);
        String line = String.format(Locale.ROOT, "| %s | %.1f | %d | %.0f | %.1f | %.1f | %.1f | %s | %.2f | %s |",
                name, singleMedian, all.length, throughput, median, p99, mean, onServer,
                statements / (double) all.length,
                trivial == null ? "1.0" : String.format(Locale.ROOT, "%.1f", median / trivial.median()));
        report.add(line);
        say("  " + line);
        return result;
    }

    /** {@code clients} threads requesting paths back to back for {@code duration}; latencies in ns per thread. */
    private long[][] load(Supplier<String> paths, String cookie, Duration duration, int clients)
            throws InterruptedException {
        long[][] latencies = new long[clients][];
        long[][] serverTimes = new long[clients][];
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long end = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                long[] server = new long[1 << 16];
                int n = 0;
                int m = 0;
                try {
                    while (System.nanoTime() < end) {
                        String path = paths.get();
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = send(path, cookie);
                        long took = System.nanoTime() - start;
                        if (response == null || (response.statusCode() != 200 && response.statusCode() != 304)) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                        var timing = response.headers().firstValue("Server-Timing");
                        if (timing.isPresent() && timing.get().startsWith("app;dur=")) {
                            if (m == server.length) {
                                server = Arrays.copyOf(server, m * 2);
                            }
                            String dur = timing.get().substring(8).split(",", 2)[0]; // "1.2" or "1.2, stored"
                            server[m++] = Math.round(Double.parseDouble(dur) * 1e6);
                        }
                    }
                } finally {
                    latencies[client] = Arrays.copyOf(mine, n);
                    serverTimes[client] = Arrays.copyOf(server, m);
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        if (failures.get() > 0) {
            say("  " + failures.get() + " requests failed or were not 200");
        }
        lastServerTimes = Arrays.stream(serverTimes).flatMapToLong(Arrays::stream).sorted().toArray();
        return latencies;
    }

    private HttpResponse<byte[]> send(String path, String cookie) {
        try {
            boolean revisit = path.startsWith("revisit:");
            if (revisit) {
                path = path.substring("revisit:".length());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .header("User-Agent", BROWSER_AGENT).timeout(Duration.ofSeconds(30));
            if (!acceptEncoding.isBlank()) {
                request.header("Accept-Encoding", acceptEncoding);
            }
            if (revisit) {
                String tag = tags.get(path);
                if (tag == null) {
                    HttpResponse<byte[]> first = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    first.headers().firstValue("ETag").ifPresent(t -> tags.put(first.request().uri().getPath(), t));
                    return first;
                }
                request.header("If-None-Match", tag);
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    response.headers().firstValue("ETag").ifPresent(t -> tags.put(response.request().uri().getPath(), t));
                }
                return response;
            }
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("User-Agent", BROWSER_AGENT);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as the demo owner in Chromium and returns the session cookie for the load clients to share. */
    private String signIn() {
        ChromeDriver browser = Browser.open();
        try {
            browser.get(base + "/login.xhtml");
            Browser.submitSignIn(browser, "owner@demo.eventos.test", "demo-owner-2026");
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(60), Browser.POLL)
                    .until(d -> d.getCurrentUrl().contains("/app/"));
            browser.findElement(By.tagName("body"));
            var session = browser.manage().getCookieNamed("EVENTOS_SESSION");
            if (session == null) {
                throw new IllegalStateException("Signing in as the demo owner gave no session cookie");
            }
            return "EVENTOS_SESSION=" + session.getValue();
        } finally {
            browser.quit();
        }
    }

    /** Statements run by the application role so far (after resetting the counters when asked). */
    private long statements(boolean reset) throws Exception {
        try (Connection admin = database.superuserConnection(EmbeddedDatabase.DATABASE);
             Statement sql = admin.createStatement()) {
            if (reset) {
                sql.execute("select stats.pg_stat_statements_reset()");
                return 0;
            }
            try (ResultSet rs = sql.executeQuery("""
                    select coalesce(sum(s.calls), 0) from stats.pg_stat_statements s
                    join pg_roles r on r.oid = s.userid where r.rolname = 'eventos_app'
                      and s.query !~* '^\\s*(begin|commit|rollback|set |show )'""")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
