package io.eventos.bench;

import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.devserver.PayaraProcess;
import io.eventos.testing.Browser;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the HTTP benchmarks over organizer pages share ({@link DashboardBenchmark}, {@link ContactsBenchmark}): a
 * fresh embedded PostgreSQL with {@code fsync} and {@code synchronous_commit} on in {@code dir/pg}, the packaged WAR
 * on Payara Micro with an access log that records each request's time on the server ({@code %request% %status%
 * %time-taken%}, in {@code dir/access}), signing in an organizer (Chromium, the demo's password), and the server
 * times and percentiles read from the access log.
 */
final class BenchServer implements AutoCloseable {

    private final EmbeddedDatabase database;
    private final PayaraProcess server;
    private final URI base;
    private final Path accessLogs;

    private BenchServer(EmbeddedDatabase database, PayaraProcess server, URI base, Path accessLogs) {
        this.database = database;
        this.server = server;
        this.base = base;
        this.accessLogs = accessLogs;
    }

    /** Starts both (the WAR's migrations run at its start) and waits until EventOS answers. */
    static BenchServer start(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    /** As {@link #start(Path)}, with more environment for the server (e.g. a cache setting). */
    static BenchServer start(Path dir, Map<String, String> moreEnv) throws Exception {
        Files.createDirectories(dir);
        say("load average before: " + loadAverage());
        say("Starting PostgreSQL (fresh, durable: fsync on) ...");
        EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("pg"), freePort(), true, true);
        try {
            var settings = database.settings();
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("EVENTOS_DB_URL", settings.url());
            env.put("EVENTOS_DB_USER", settings.appUser());
            env.put("EVENTOS_DB_PASSWORD", settings.appPassword());
            env.put("EVENTOS_DB_OWNER_USER", settings.ownerUser());
            env.put("EVENTOS_DB_OWNER_PASSWORD", settings.ownerPassword());
            env.put("EVENTOS_DEMO", "true");
            env.put("EVENTOS_SECRET_KEY", "YmVuY2htYXJrLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=");
            env.putAll(moreEnv);
            Path accessLogs = dir.resolve("access");
            deleteTree(accessLogs);
            Files.createDirectories(accessLogs);
            PayaraProcess server = PayaraProcess.start(
                    Path.of(System.getProperty("bench.microJar", "target/payara-micro.jar")),
                    Path.of(System.getProperty("bench.war", "target/eventos.war")), freePort(), env,
                    dir.resolve("server.log"), line -> { },
                    List.of("--accesslog", accessLogs.toAbsolutePath().toString(),
                            "--accesslogformat", "%request% %status% %time-taken%", "--accessloginterval", "0"));
            if (!server.awaitReady(Duration.ofMinutes(8))) {
                String error = server.lastError();
                server.close();
                throw new IllegalStateException("EventOS did not start: " + error);
            }
            return new BenchServer(database, server, server.baseUri(), accessLogs);
        } catch (Exception e) {
            database.close();
            throw e;
        }
    }

    EmbeddedDatabase database() {
        return database;
    }

    URI base() {
        return base;
    }

    Connection superuser() throws SQLException {
        return database.superuserConnection(EmbeddedDatabase.DATABASE);
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            database.close();
        }
    }

    /** Every line of the access log so far, quotes taken off. */
    List<String> accessLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(accessLogs)) {
            for (Path file : files.sorted().toList()) {
                Files.readAllLines(file).stream().map(l -> l.replace("\"", "").strip()).forEach(lines::add);
            }
        }
        return lines;
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

    /** "p50 / p95 / p99" of sorted values, in ms ({@code perMs}: units of a value per ms). */
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

    /** Signs in with the demo's password in Chromium and returns the session cookie ("EVENTOS_SESSION=..."). */
    String signIn(String email) {
        ChromeDriver browser = Browser.open();
        try {
            browser.get(base + "/login.xhtml");
            Browser.submitSignIn(browser, email, "demo-owner-2026");
            var session = browser.manage().getCookieNamed("EVENTOS_SESSION");
            if (session == null || !browser.getCurrentUrl().contains("/app/")) {
                throw new IllegalStateException("Signing in as " + email + " failed: " + browser.getCurrentUrl());
            }
            return "EVENTOS_SESSION=" + session.getValue();
        } finally {
            browser.quit();
        }
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
                    while (System.nanoTime() < end) {
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
