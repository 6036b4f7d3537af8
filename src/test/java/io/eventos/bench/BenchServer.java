package io.eventos.bench;

import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.devserver.PayaraProcess;
import io.eventos.testing.AppStatements;
import io.eventos.testing.Browser;
import io.eventos.testing.TestServer;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the organizer benchmarks share ({@link DashboardBenchmark}, {@link ListsBenchmark}, {@link ContactsBenchmark}):
 * a fresh embedded
 * PostgreSQL with {@code fsync} and {@code synchronous_commit} on and {@code pg_stat_statements} loaded, the packaged
 * WAR on Payara Micro with the demo data and an access log recording each request's time on the server
 * ({@code %request% %status% %time-taken%}), signing in, the access log's lines and percentiles.
 */
final class BenchServer implements AutoCloseable {

    /** The demo owner's password, which the benchmarks' organizers are given too. */
    static final String PASSWORD = "demo-owner-2026";

    final EmbeddedDatabase database;
    final PayaraProcess server;
    final URI base;
    private final Path accessLogs;

    private BenchServer(EmbeddedDatabase database, PayaraProcess server, Path accessLogs) {
        this.database = database;
        this.server = server;
        this.base = server.baseUri();
        this.accessLogs = accessLogs;
    }

    /** Starts both in {@code dir} (pg/, access/, server.log), each from scratch. */
    static BenchServer start(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    /** As {@link #start(Path)}, with more environment for the server (e.g. a cache setting). */
    static BenchServer start(Path dir, Map<String, String> moreEnv) throws Exception {
        Files.createDirectories(dir);
        say("load average before: " + loadAverage());
        say("Starting PostgreSQL (fresh, durable: fsync on) ...");
        EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("pg"), freePort(), true, true);
        Map<String, String> env = environment(database.settings());
        env.putAll(moreEnv);
        Path accessLogs = dir.resolve("access");
        deleteTree(accessLogs);
        Files.createDirectories(accessLogs);
        PayaraProcess server = null;
        try {
            server = PayaraProcess.start(
                    Path.of(System.getProperty("bench.microJar", "target/payara-micro.jar")),
                    Path.of(System.getProperty("bench.war", "target/eventos.war")), freePort(), env,
                    dir.resolve("server.log"), line -> { },
                    List.of("--accesslog", accessLogs.toAbsolutePath().toString(),
                            "--accesslogformat", "%request% %status% %time-taken%", "--accessloginterval", "0"));
            if (!server.awaitReady(Duration.ofMinutes(Integer.getInteger("bench.startMinutes", 8)))) {
                throw new IllegalStateException("EventOS did not start: " + server.lastError());
            }
            try (Connection db = database.superuserConnection(EmbeddedDatabase.DATABASE)) {
                AppStatements.enable(db);
            }
            return new BenchServer(database, server, accessLogs);
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            database.close();
            throw e;
        }
    }

    /** The server's environment for a benchmark: the database's roles, the demo data, a fixed key. */
    static Map<String, String> environment(io.eventos.platform.persistence.DatabaseSettings settings) {
        return TestServer.environment(settings, "YmVuY2htYXJrLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=");
    }

    EmbeddedDatabase database() {
        return database;
    }

    /**
     * Keeps the database and the server up for {@code bench.hold} seconds (none by default), for EXPLAIN ANALYZE by
     * hand on the same data (psql as the superuser "postgres").
     */
    void holdIfAsked() throws InterruptedException {
        int hold = Integer.getInteger("bench.hold", 0);
        if (hold > 0) {
            say("Holding the database (port " + database.port() + ", user postgres, database eventos) and the server ("
                    + base() + ") for " + hold + " s ...");
            Thread.sleep(hold * 1000L);
        }
    }

    URI base() {
        return base;
    }

    Connection superuser() throws java.sql.SQLException {
        return database.superuserConnection(EmbeddedDatabase.DATABASE);
    }

    /** fsync and synchronous_commit as the measurement sees them, e.g. "fsync on, synchronous_commit on". */
    String durability() throws Exception {
        try (Connection db = superuser(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            return "fsync " + rs.getString(1) + ", synchronous_commit " + rs.getString(2);
        }
    }

    /**
     * Owners for the accounts with these slugs: users organizer1@bench.eventos.test ... with the demo owner's
     * password, each landing in its account.
     */
    void addOwners(List<String> slugs) throws Exception {
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            for (int n = 1; n <= slugs.size(); n++) {
                sql.execute("""
                        insert into users (id, email, name, password_hash, email_verified_at, last_account_id)
                        select gen_random_uuid(), 'organizer%d@bench.eventos.test', 'Organizer %d',
                               (select password_hash from users where email = 'owner@demo.eventos.test'), now(), a.id
                        from accounts a where a.slug = '%s'""".formatted(n, n, slugs.get(n - 1)));
            }
            sql.execute("""
                    insert into account_users (id, account_id, user_id, role)
                    select gen_random_uuid(), u.last_account_id, u.id, 'owner' from users u
                    where u.email like 'organizer%@bench.eventos.test'
                      and not exists (select 1 from account_users m where m.user_id = u.id)""");
        }
    }

    /** Signs in with the demo's password in Chromium and returns the session cookie ("EVENTOS_SESSION=..."). */
    String signIn(String email) {
        ChromeDriver browser = Browser.open();
        try {
            browser.get(base + "/login.xhtml");
            Browser.submitSignIn(browser, email, PASSWORD);
            var session = browser.manage().getCookieNamed("EVENTOS_SESSION");
            if (session == null || !browser.getCurrentUrl().contains("/app/")) {
                throw new IllegalStateException("Signing in as " + email + " failed: " + browser.getCurrentUrl());
            }
            return "EVENTOS_SESSION=" + session.getValue();
        } finally {
            browser.quit();
        }
    }

    /** Every access log line so far, quotes removed. */
    List<String> accessLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(accessLogs)) {
            for (Path file : files.sorted().toList()) {
                Files.readAllLines(file).stream().map(l -> l.replace("\"", "").strip()).forEach(lines::add);
            }
        }
        return lines;
    }

    /**
     * Statements the application role ran since the last reset (resetting when asked), without the tenant binding,
     * transaction control and the background jobs' rounds (outbox, rollups, page-view counters): the filter
     * OrganizerListQueriesIT counts with ({@link AppStatements#OF_REQUESTS}).
     */
    long statements(boolean reset) throws Exception {
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            if (reset) {
                AppStatements.reset(sql);
                return 0;
            }
            return AppStatements.count(sql, AppStatements.OF_REQUESTS);
        }
    }

    /**
     * Waits (at most {@code max}) until no statement of the application role is running: what requests of an earlier
     * phase (answered at the client after its timeout, or still finishing) and the background rounds run is not then
     * counted for the requests that follow. True when it got quiet.
     */
    boolean awaitQuiet(java.time.Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        int quietPolls = 0;
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            while (System.nanoTime() < end) {
                try (ResultSet rs = sql.executeQuery("""
                        select count(*) from pg_stat_activity
                        where usename = 'eventos_app' and state = 'active' and pid <> pg_backend_pid()""")) {
                    rs.next();
                    quietPolls = rs.getLong(1) == 0 ? quietPolls + 1 : 0;
                }
                if (quietPolls >= 5) { // 5 polls 20 ms apart
                    return true;
                }
                Thread.sleep(20);
            }
        }
        return false;
    }

    /** The application's statement with the highest mean time since the last reset: "12.3 ms, 456 buffers: select ...". */
    String slowestStatement() throws Exception {
        try (Connection db = superuser(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("""
                     select s.mean_exec_time, (s.shared_blks_hit + s.shared_blks_read) / greatest(s.calls, 1),
                            regexp_replace(s.query, '\\s+', ' ', 'g')
                     from stats.pg_stat_statements s join pg_roles r on r.oid = s.userid
                     where r.rolname = 'eventos_app' and s.query !~* 'set_config'
                       and s.query !~* '^\\s*(begin|commit|rollback|show|set )'
                     order by s.mean_exec_time desc limit 1""")) {
            if (!rs.next()) {
                return "none";
            }
            String query = rs.getString(3);
            return String.format(Locale.ROOT, "%.1f ms, %d buffers: `%s`", rs.getDouble(1), rs.getLong(2),
                    query.length() > 160 ? query.substring(0, 160) + " ..." : query);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            database.close();
        }
    }

    /** The server's times (µs) of the successful requests whose line starts with {@code prefix}, sorted. */
    static long[] serverTimes(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix) && l.contains(" 200 "))
                .mapToLong(BenchServer::timeTakenMicros).filter(t -> t >= 0).sorted().toArray();
    }

    /** The last field of an access log line, the time taken in ms (Payara writes milliseconds), in µs. */
    static long timeTakenMicros(String line) {
        String last = line.substring(line.lastIndexOf(' ') + 1);
        try {
            return Math.round(Double.parseDouble(last) * 1000);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "p50 / p95 / p99" of sorted values, divided by {@code perMs}; "–" for none. */
    static String percentiles(long[] sorted, double perMs) {
        if (sorted.length == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", sorted[sorted.length / 2] / perMs,
                at(sorted, 0.95) / perMs, at(sorted, 0.99) / perMs);
    }

    static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1)];
    }

    /** One request of kind {@code kind} by {@code client}; returns the HTTP status. */
    @FunctionalInterface
    interface Request<C> {
        int send(C client, int kind) throws IOException, InterruptedException;
    }

    /**
     * Each client on a thread of its own makes requests back to back for {@code duration}, its kinds in turn
     * (0..kinds-1, starting at a random one); returns the latencies (ns) of the answers 200 per kind. Failures (not
     * 200, or an exception) are counted and reported, the first three with their message.
     */
    static <C> long[][] drive(List<C> clients, int kinds, Duration duration, Request<C> request)
            throws InterruptedException {
        return drive(clients, kinds, duration, Duration.ZERO, request);
    }

    /**
     * A person's pause before the next click in a paced phase ending at {@code end} (System.nanoTime): a random time
     * between half and one and a half times {@code think}, slept; false, without sleeping, when the click would come
     * after the end. Zero {@code think}: true at once (back to back). A click past the end is not made rather than
     * made at the end: shortening the last pause sent every client's last request at the same instant, a burst that
     * was the slowest ~15 % of a 12-second phase (session 21, docs/benchmarks.md).
     */
    static boolean pause(Duration think, long end) throws InterruptedException {
        if (think.isZero()) {
            return true;
        }
        long pause = (long) (think.toMillis() * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
        if (System.nanoTime() + pause * 1_000_000 >= end) {
            return false;
        }
        Thread.sleep(pause);
        return true;
    }

    /**
     * As {@link #drive(List, int, Duration, Request)}, each client pausing before each of its requests for a random time
     * between half and one and a half times {@code think} (a person reading the page before the next click); zero:
     * back to back.
     */
    static <C> long[][] drive(List<C> clients, int kinds, Duration duration, Duration think, Request<C> request)
            throws InterruptedException {
        List<List<Long>> perKind = new ArrayList<>();
        for (int k = 0; k < kinds; k++) {
            perKind.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
        List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(clients.size());
        long end = System.nanoTime() + duration.toNanos();
        for (C client : clients) {
            Thread thread = new Thread(() -> {
                try {
                    int k = java.util.concurrent.ThreadLocalRandom.current().nextInt(kinds);
                    while (System.nanoTime() < end && pause(think, end)) {
                        k = (k + 1) % kinds;
                        long start = System.nanoTime();
                        try {
                            int status = request.send(client, k);
                            if (status != 200) {
                                failures.incrementAndGet();
                                continue;
                            }
                        } catch (IOException e) {
                            if (failures.incrementAndGet() <= 3) {
                                firstFailures.add(String.valueOf(e.getMessage()));
                            }
                            continue;
                        }
                        perKind.get(k).add(System.nanoTime() - start);
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
            say("  " + failures.get() + " requests failed or were not 200" + (firstFailures.isEmpty() ? ""
                    : ": " + firstFailures));
        }
        long[][] out = new long[kinds][];
        for (int k = 0; k < kinds; k++) {
            out[k] = perKind.get(k).stream().mapToLong(Long::longValue).toArray();
        }
        return out;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void say(String line) {
        System.out.println(line);
    }
}
