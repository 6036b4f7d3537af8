package io.eventos.bench;

import io.eventos.isolation.IsolationFixtures;
import io.eventos.platform.mail.DevOutbox;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.SalesFixtures;
import io.eventos.ticketing.service.Cart;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.HoldView;
import io.eventos.ticketing.service.OrderRequest;
import io.eventos.ticketing.service.PaymentAttempt;
import io.eventos.ticketing.service.PlacedOrder;
import io.eventos.ticketing.service.SaleRefusedException;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code bench/checkout.sh}: the checkout rush of issue 5 (docs/benchmarks.md). Not part of {@code mvn verify} (its
 * name does not end in IT); the script runs it with Failsafe, which starts the embedded PostgreSQL and Payara Micro
 * as for the in-container tests.
 * <ol>
 *   <li>The physical ceiling, on the client: {@code pgbench} updating one hot row (the same PostgreSQL, a database
 *   of its own), at the application's pool size (32) and at 150 clients.</li>
 *   <li>The rush, in the container: {@value #BUYERS} buyers, each a thread running the whole checkout back to back
 *   (hold 2 tickets → order with names → pay by test card, each step its own transaction as on the web) against one
 *   ticket type with a large capacity; a warm-up of {@value #MIN_WARMUP_SECONDS}–{@value #MAX_WARMUP_SECONDS} s
 *   that ends when the JIT compilers have settled (the steady state of a server that has been running), then {@value #MEASURED_SECONDS} s measured:
 *   completed orders per second, and p50/p99 of one buyer's whole checkout and of each step.</li>
 *   <li>The sell-out: the same {@value #BUYERS} buyers against {@value #SELL_OUT_TICKETS} tickets until they are
 *   gone: the time it took, and tickets sold versus the capacity (oversold must be 0).</li>
 * </ol>
 * A buyer told "busy, try again" (the sales lock's 3 s timeout) or shown an error tries the same step again, as a
 * person would click again; both are counted. Confirmation mails (PDF with QR codes) are composed on the mail thread after
 * each commit, as in production, into the development outbox.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CheckoutRushBenchmark {

    static final int BUYERS = 500;
    /** Warm-up: at least this long, then until the JIT compilers have settled, but no longer than the maximum. */
    static final int MIN_WARMUP_SECONDS = 60;
    static final int MAX_WARMUP_SECONDS = 300;
    /** Settled: the compilers used less than this share of one core over the last {@link #SETTLE_SAMPLE_SECONDS}. */
    static final int SETTLED_JIT_PERCENT = 5;
    static final int SETTLE_SAMPLE_SECONDS = 10;
    static final int MEASURED_SECONDS = 30;
    static final int SELL_OUT_TICKETS = 3_000;
    private static final int TICKETS_PER_ORDER = 2;
    private static final String BASE = "http://eventos.test";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("eventos.it.war",
                        "target/eventos.war")))
                .addClasses(SalesFixtures.class, IsolationFixtures.class);
    }

    @Inject
    CheckoutService checkout;
    @Inject
    SalesFixtures fixtures;

    // ------------------------------------------------------------------------------------------ 1. the hot row

    @Test
    @Order(1)
    @RunAsClient
    void hotRowCeiling() throws Exception {
        int port = Integer.getInteger("eventos.it.pgPort");
        try (Connection db = superuser("postgres"); Statement sql = db.createStatement()) {
            sql.execute("drop database if exists pgbench_hot");
            sql.execute("create database pgbench_hot");
        }
        try (Connection db = superuser("pgbench_hot"); Statement sql = db.createStatement()) {
            sql.execute("create table hot (id int primary key, n bigint not null)");
            sql.execute("insert into hot values (1, 0)");
        }
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path script = dir.resolve("hot-row.sql");
        Files.writeString(script, "update hot set n = n + 1 where id = 1;\n");
        List<String> lines = new ArrayList<>();
        String pgbench = pgbench();
        if (pgbench == null) {
            lines.add("| pgbench not found (install the postgresql-client or postgresql package) | – | – |");
        } else {
            for (int clients : new int[] {32, 150}) {
                ProcessBuilder run = new ProcessBuilder(pgbench, "-n", "-c", String.valueOf(clients), "-j", "2",
                        "-T", "15", "-f", script.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                        "-U", "postgres", "pgbench_hot").redirectErrorStream(true);
                Process process = run.start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor(2, TimeUnit.MINUTES);
                lines.add("| pgbench, one hot row `update hot set n = n + 1 where id = 1`, " + clients + " clients, 15 s | "
                        + figure(out, "tps = ") + " | " + figure(out, "latency average = ") + " |");
            }
        }
        Files.write(dir.resolve("checkout-pgbench.md"), lines);
        lines.forEach(System.out::println);
    }

    private static String pgbench() {
        for (String candidate : List.of("/usr/bin/pgbench", "/usr/lib/postgresql/17/bin/pgbench",
                "/usr/lib/postgresql/16/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static String figure(String pgbenchOutput, String label) {
        return pgbenchOutput.lines().filter(l -> l.startsWith(label)).findFirst()
                .map(l -> l.substring(label.length()).replaceAll("\\s*\\(.*$", "").trim()).orElse("?");
    }

    // ------------------------------------------------------------------------------------------ 2. the rush

    @Test
    @Order(2)
    @RunAsClient
    void statementsBefore() throws Exception {
        try (Connection db = superuser("eventos"); Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists stats");
            sql.execute("create extension if not exists pg_stat_statements schema stats");
            sql.execute("select stats.pg_stat_statements_reset()");
        }
    }

    @Test
    @Order(3)
    void rush() throws Exception {
        UUID account = UUID.randomUUID();
        UUID event;
        UUID ticket;
        try (var t = CurrentTenant.bind(account)) {
            event = fixtures.accountWithEventOnSale("rush-" + account.toString().substring(0, 8), null);
            ticket = fixtures.ticketType(event, "Rush", 2500, 1_000_000, null);
        }
        Buyers buyers = new Buyers(account, event, ticket);
        Logger outbox = Logger.getLogger(DevOutbox.class.getName());
        Level outboxLevel = outbox.getLevel();
        outbox.setLevel(Level.WARNING); // its line per mail is not what a production server does (it sends by SMTP)
        CpuMeter.Use use;
        Instant warm;
        double jitShare;
        try {
            buyers.start();
            Instant began = Instant.now();
            awaitSettledCompiler(began);
            warm = Instant.now();
            System.out.println("checkout rush: the measured window starts after " + Duration.between(began, warm)
                    .toSeconds() + " s of warm-up");
            long compiled = compilerMillis();
            buyers.window(warm, warm.plusSeconds(MEASURED_SECONDS));
            CpuMeter cpu = CpuMeter.between(warm, warm.plusSeconds(MEASURED_SECONDS));
            buyers.join();
            use = cpu.result();
            jitShare = (compilerMillis() - compiled) / (MEASURED_SECONDS * 1000.0);
            warmUpSeconds = Duration.between(began, warm).toSeconds();
        } finally {
            outbox.setLevel(outboxLevel);
        }
        long paid;
        List<String> confirmations;
        try (var t = CurrentTenant.bind(account)) {
            confirmations = fixtures.outbox("order.paid"); // right after the window: did delivery keep up?
            paid = fixtures.paidTickets(ticket);
        }
        List<String> lines = new ArrayList<>();
        double seconds = MEASURED_SECONDS;
        lines.add(String.format(Locale.ROOT, "| completed orders (%d buyers, %d s measured after %d s warm-up) | %d "
                        + "| **%.0f orders/s** (%.0f tickets/s) |", BUYERS, MEASURED_SECONDS, warmUpSeconds,
                buyers.completed.size(), buyers.completed.size() / seconds,
                buyers.completed.size() * TICKETS_PER_ORDER / seconds));
        lines.add(row("one buyer's whole checkout (hold → order → pay)", buyers.completed));
        lines.add(row("step: hold the tickets", buyers.holdTimes));
        lines.add(row("step: place the order", buyers.orderTimes));
        lines.add(row("step: pay by test card", buyers.payTimes));
        int orders = Math.max(1, buyers.completed.size());
        lines.add(String.format(Locale.ROOT, "| CPU per completed order in the measured window: application server "
                        + "JVM / PostgreSQL / rest of the machine | %.1f / %.1f / %.1f ms | machine busy %.0f %% of %d "
                        + "cores |", use.jvmMillis() / orders, use.postgresMillis() / orders,
                use.otherMillis() / orders, use.busyShare() * 100, use.cores()));
        lines.add(String.format(Locale.ROOT, "| JIT compilers in the measured window (CompilationMXBean) | %.1f %% of "
                + "one core | warm-up ended when under %d %% for %d s (%d–%d s) |", jitShare * 100,
                SETTLED_JIT_PERCENT, SETTLE_SAMPLE_SECONDS, MIN_WARMUP_SECONDS, MAX_WARMUP_SECONDS));
        lines.add(String.format(Locale.ROOT, "| \"busy, try again\" answers / errors (both tried again) | %d / %d | |",
                buyers.busy.get(), buyers.errors.get()));
        lines.add(String.format(Locale.ROOT, "| tickets paid in the whole run (warm-up included) | %d | %d orders "
                + "× %d |", paid, paid / TICKETS_PER_ORDER, TICKETS_PER_ORDER));
        lines.add(String.format(Locale.ROOT, "| confirmation emails (outbox) right after the window: delivered / "
                        + "waiting | %d / %d | with their PDF, into the development outbox |",
                confirmations.stream().filter(c -> c.contains("|done|")).count(),
                confirmations.stream().filter(c -> c.contains("|pending|")).count()));
        write("checkout-rush.md", lines);
    }

    private long warmUpSeconds;

    /**
     * Waits while the JIT compilers are still busy with the code the rush runs: a freshly started server compiles
     * for minutes (C2 took a third of the JVM's CPU 60–85 s into a rush), a server that has been running does not.
     */
    private static void awaitSettledCompiler(Instant began) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(MIN_WARMUP_SECONDS - SETTLE_SAMPLE_SECONDS).toMillis());
        while (Duration.between(began, Instant.now()).toSeconds() < MAX_WARMUP_SECONDS) {
            long before = compilerMillis();
            Thread.sleep(SETTLE_SAMPLE_SECONDS * 1000L);
            if ((compilerMillis() - before) * 100 < SETTLED_JIT_PERCENT * SETTLE_SAMPLE_SECONDS * 1000L) {
                return;
            }
        }
    }

    /** Time the JIT compilers have spent compiling since the server started (ms, summed over their threads). */
    private static long compilerMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : 0;
    }

    // ------------------------------------------------------------------------------------------ 3. the sell-out

    /** What the database did for the rush (warm-up included), per paid order, from pg_stat_statements. */
    @Test
    @Order(4)
    @RunAsClient
    void statementsAfter() throws Exception {
        Path dir = Path.of("target", "bench");
        long orders = Files.readAllLines(dir.resolve("checkout-rush.md")).stream()
                .filter(l -> l.startsWith("| tickets paid in the whole run")).findFirst()
                .map(l -> Long.parseLong(l.split("\\|")[2].trim()) / TICKETS_PER_ORDER).orElse(0L);
        List<String> lines = new ArrayList<>();
        try (Connection db = superuser("eventos"); Statement sql = db.createStatement();
             var rs = sql.executeQuery("""
                     select coalesce(sum(s.calls), 0), coalesce(sum(s.total_exec_time), 0)
                     from stats.pg_stat_statements s join pg_roles r on r.oid = s.userid
                     where r.rolname = 'eventos_app'""")) {
            rs.next();
            long calls = rs.getLong(1);
            double millis = rs.getDouble(2);
            lines.add(String.format(Locale.ROOT, "| database, per paid order (application role, pg_stat_statements, "
                    + "BEGIN/COMMIT included) | %.1f statements | %.2f ms executing |", orders == 0 ? 0.0
                    : (double) calls / orders, orders == 0 ? 0.0 : millis / orders));
        }
        try (Connection db = superuser("eventos"); Statement sql = db.createStatement();
             var rs = sql.executeQuery("""
                     select s.calls, s.total_exec_time, s.mean_exec_time,
                            regexp_replace(left(s.query, 160), '\s+', ' ', 'g'),
                            (s.shared_blks_hit + s.shared_blks_read)::float8 / greatest(s.calls, 1)
                     from stats.pg_stat_statements s join pg_roles r on r.oid = s.userid
                     where r.rolname = 'eventos_app' order by s.total_exec_time desc limit 80""")) {
            while (rs.next()) {
                lines.add(String.format(Locale.ROOT, "| top statement: `%s` | %d calls | mean %.2f ms, total %.0f ms, "
                                + "%.0f buffers/call |", rs.getString(4).replace("|", "/"), rs.getLong(1),
                        rs.getDouble(3), rs.getDouble(2), rs.getDouble(5)));
            }
        }
        // how the sale's tables were read: a look-up by a unique key reads one entry a scan; many entries a scan, or
        // sequential scans, mean a plan reads more than the statement needs
        try (Connection db = superuser("eventos"); Statement sql = db.createStatement();
             var rs = sql.executeQuery("""
                     select relname, '(sequential)', seq_scan, seq_tup_read from pg_stat_user_tables
                     where relname in ('orders', 'holds', 'hold_lines', 'attendees', 'tickets', 'ticket_takes')
                       and seq_scan > 0
                     union all
                     select relname, indexrelname, idx_scan, idx_tup_read from pg_stat_user_indexes
                     where relname in ('orders', 'holds', 'hold_lines', 'attendees', 'tickets', 'ticket_takes')
                       and idx_scan > 0
                     order by 1, 2""")) {
            while (rs.next()) {
                lines.add(String.format(Locale.ROOT, "| table reads: %s `%s` | %d scans | %.1f rows or entries per "
                        + "scan |", rs.getString(1), rs.getString(2), rs.getLong(3),
                        (double) rs.getLong(4) / Math.max(1, rs.getLong(3))));
            }
        }
        Files.write(dir.resolve("checkout-statements.md"), lines);
        lines.forEach(System.out::println);
    }

    private static Connection superuser(String database) throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Integer.getInteger("eventos.it.pgPort")
                + "/" + database, "postgres", "");
    }

    @Test
    @Order(5)
    void sellOut() throws Exception {
        UUID account = UUID.randomUUID();
        UUID event;
        UUID ticket;
        try (var t = CurrentTenant.bind(account)) {
            event = fixtures.accountWithEventOnSale("sellout-" + account.toString().substring(0, 8), null);
            ticket = fixtures.ticketType(event, "Last seats", 2500, SELL_OUT_TICKETS, null);
        }
        Buyers buyers = new Buyers(account, event, ticket);
        long started = System.nanoTime();
        buyers.window(Instant.now(), Instant.now().plus(Duration.ofMinutes(5)));
        buyers.start();
        buyers.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        long sold;
        long held;
        try (var t = CurrentTenant.bind(account)) {
            sold = fixtures.paidTickets(ticket);
            held = fixtures.heldTickets(ticket);
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "| sell-out: %d buyers, %d tickets | %.1f s until sold out | %.0f "
                + "orders/s |", BUYERS, SELL_OUT_TICKETS, seconds, buyers.completed.size() / seconds));
        lines.add(String.format(Locale.ROOT, "| tickets paid / capacity | %d / %d | **oversold: %d** |", sold,
                SELL_OUT_TICKETS, Math.max(0, sold - SELL_OUT_TICKETS)));
        lines.add(String.format(Locale.ROOT, "| buyers told \"sold out\" / errors (tried again) | %d / %d | still held "
                + "after: %d |", buyers.soldOut.get(), buyers.errors.get(), held));
        lines.add(row("sell-out: one buyer's whole checkout", buyers.completed));
        write("checkout-sellout.md", lines);
        assertEquals(SELL_OUT_TICKETS, sold, "every ticket sold once, none twice");
    }

    // ------------------------------------------------------------------------------------------ 4. the report

    @Test
    @Order(6)
    @RunAsClient
    void report() throws IOException {
        Path dir = Path.of("target", "bench");
        List<String> report = new ArrayList<>();
        report.add("Checkout rush, " + Instant.now() + " (load average before it: printed by bench/checkout.sh)");
        report.add("");
        report.add("| what | figure | |");
        report.add("|---|---:|---:|");
        for (String part : List.of("checkout-pgbench.md", "checkout-rush.md", "checkout-statements.md",
                "checkout-sellout.md")) {
            Path file = dir.resolve(part);
            if (Files.exists(file)) {
                report.addAll(Files.readAllLines(file));
            } else {
                report.add("| " + part + " missing: that part did not run or could not write here | | |");
            }
        }
        report.add("");
        report.add("load average now: " + Files.readString(Path.of("/proc/loadavg")).trim());
        Files.write(dir.resolve("checkout-results.md"), report);
        System.out.println(String.join(System.lineSeparator(), report));
    }

    // ------------------------------------------------------------------------------------------ the buyers

    /** {@link #BUYERS} threads, each buying {@value #TICKETS_PER_ORDER} tickets again and again. */
    private final class Buyers {
        final UUID account;
        final UUID event;
        final UUID ticket;
        final List<Long> completed = new ArrayList<>();
        final List<Long> holdTimes = new ArrayList<>();
        final List<Long> orderTimes = new ArrayList<>();
        final List<Long> payTimes = new ArrayList<>();
        final AtomicLong busy = new AtomicLong();
        final AtomicLong soldOut = new AtomicLong();
        final AtomicLong errors = new AtomicLong();

        Buyers(UUID account, UUID event, UUID ticket) {
            this.account = account;
            this.event = event;
            this.ticket = ticket;
        }

        /** Checkouts completed inside the window count; the buyers stop at its end. Until set: no end. */
        private volatile Instant from = Instant.MAX;
        private volatile Instant end = Instant.MAX;
        private final List<Thread> threads = new ArrayList<>();

        void window(Instant from, Instant end) {
            this.from = from;
            this.end = end;
        }

        /** Starts the buyers; each runs until the window's end or until the tickets are gone. */
        void start() {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < BUYERS; i++) {
                int buyer = i;
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        buy(buyer);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "buyer-" + i);
                threads.add(thread);
                thread.start();
            }
            start.countDown();
        }

        void join() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join(Duration.ofMinutes(10).toMillis());
            }
        }

        private void buy(int buyer) {
            List<Long> mine = new ArrayList<>();
            List<Long> holds = new ArrayList<>();
            List<Long> orders = new ArrayList<>();
            List<Long> pays = new ArrayList<>();
            try (var t = CurrentTenant.bind(account)) {
                while (Instant.now().isBefore(end)) {
                    long began = System.nanoTime();
                    HoldView hold = step(() -> checkout.reserve(new Cart(event, Map.of(ticket, TICKETS_PER_ORDER),
                            null)));
                    if (hold == null) {
                        return;
                    }
                    long held = System.nanoTime();
                    PlacedOrder placed = step(() -> checkout.placeOrder(request(hold, buyer), BASE));
                    if (placed == null) {
                        return;
                    }
                    long ordered = System.nanoTime();
                    PaymentAttempt attempt = step(() -> checkout.pay(placed.accessToken(),
                            Map.of("card", TestCardGateway.GOOD_CARD), BASE));
                    long done = System.nanoTime();
                    if (attempt == null || !attempt.paid()) {
                        throw new IllegalStateException("payment refused: " + (attempt == null ? "?"
                                : attempt.problem()));
                    }
                    Instant finished = Instant.now();
                    Instant from = this.from;
                    if (finished.isAfter(from) && finished.isBefore(end)) { // completed inside the measured window
                        mine.add(done - began);
                        holds.add(held - began);
                        orders.add(ordered - held);
                        pays.add(done - ordered);
                    }
                }
            } finally {
                synchronized (this) {
                    completed.addAll(mine);
                    holdTimes.addAll(holds);
                    orderTimes.addAll(orders);
                    payTimes.addAll(pays);
                }
            }
        }

        /** One step, tried again while the answer is "busy"; null when refused (sold out): this buyer stops. */
        private <T> T step(java.util.function.Supplier<T> call) {
            while (true) {
                try {
                    return call.get();
                } catch (SaleRefusedException refused) {
                    if (refused.field() == SaleRefusedException.Field.BUSY) {
                        busy.incrementAndGet();
                        continue;
                    }
                    soldOut.incrementAndGet();
                    return null;
                } catch (RuntimeException error) {
                    // an error page (e.g. no database connection free within the pool's wait): the buyer tries again
                    if (errors.incrementAndGet() == 1) {
                        error.printStackTrace();
                    }
                }
            }
        }
    }

    /**
     * CPU time used between two instants, from {@code /proc} (Linux): this JVM (the application server, with the
     * buyer threads, which cost little: they only call the services), the PostgreSQL processes (with the ones that
     * ended meanwhile: autovacuum workers come and go), and the rest of the machine (the Maven/Failsafe JVM, the
     * kernel's other work).
     */
    private static final class CpuMeter {
        record Use(double jvmMillis, double postgresMillis, double otherMillis, double busyShare, int cores) {
        }

        private final Thread sampler;
        private volatile long[] first;
        private volatile long[] last;

        private CpuMeter(Instant from, Instant to) {
            sampler = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(0, Duration.between(Instant.now(), from).toMillis()));
                    first = sample();
                    Thread.sleep(Math.max(0, Duration.between(Instant.now(), to).toMillis()));
                    last = sample();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cpu-meter");
            sampler.start();
        }

        static CpuMeter between(Instant from, Instant to) {
            return new CpuMeter(from, to);
        }

        Use result() throws InterruptedException {
            sampler.join();
            if (first == null || last == null) {
                return new Use(0, 0, 0, 0, Runtime.getRuntime().availableProcessors());
            }
            double tick = 1000.0 / 100; // USER_HZ is 100 on Linux
            double jvm = (last[0] - first[0]) / 1e6;
            double postgres = (last[1] - first[1]) * tick;
            double busy = (last[2] - first[2]) * tick;
            double all = (last[3] - first[3]) * tick;
            return new Use(jvm, postgres, Math.max(0, busy - jvm - postgres), all == 0 ? 0 : busy / all,
                    Runtime.getRuntime().availableProcessors());
        }

        /** JVM CPU (ns), PostgreSQL CPU (ticks), machine busy ticks, machine total ticks. */
        private static long[] sample() {
            long jvm = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            long postgres = 0;
            File[] processes = new File("/proc").listFiles((d, name) -> name.chars().allMatch(Character::isDigit));
            for (File process : processes == null ? new File[0] : processes) {
                try {
                    String stat = Files.readString(process.toPath().resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    // utime, stime, and cutime, cstime: what its ended children used (only the postmaster has
                    // any: autovacuum workers and closed connections' backends, which a rush ends by the dozen)
                    postgres += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            long busy = 0;
            long total = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < cpu.length && i <= 8; i++) {
                    long value = Long.parseLong(cpu[i]);
                    total += value;
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += value;
                    }
                }
            } catch (IOException e) {
                // not Linux: machine figures stay 0
            }
            return new long[] {jvm, postgres, busy, total};
        }
    }

    private static OrderRequest request(HoldView hold, int buyer) {
        List<OrderRequest.AttendeeName> names = new ArrayList<>();
        for (int i = 0; i < hold.tickets(); i++) {
            names.add(new OrderRequest.AttendeeName("Guest", "Number" + i, null));
        }
        return new OrderRequest(hold.token(), "Buyer " + buyer, "buyer" + buyer + "@example.org", names, false,
                "test_card", UUID.randomUUID().toString(), "en");
    }

    private static String row(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "| " + what + " | no samples | |";
        }
        return String.format(Locale.ROOT, "| %s: p50 / p99 (ms) | %.1f / %.1f | mean %.1f |", what,
                sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    /** Writes a part of the report where the client side can read it (the server runs in the project folder). */
    private static void write(String name, List<String> lines) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "bench"));
        Files.write(dir.resolve(name), lines);
        lines.forEach(System.out::println);
    }
}
