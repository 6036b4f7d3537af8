package io.eventos.bench;

import io.eventos.checkin.domain.CheckInDirection;
import io.eventos.checkin.service.DoorService;
import io.eventos.checkin.service.KioskDevices;
import io.eventos.checkin.service.ScanAnswer;
import io.eventos.checkin.service.ScanRequest;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.DeviceGrant;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code bench/checkin.sh}: the doors of a big event (issue 14, docs/benchmarks.md). Not part of {@code mvn verify}
 * (its name does not end in IT); the script runs it with Failsafe, which starts the embedded PostgreSQL and Payara
 * Micro as for the in-container tests.
 * <ol>
 *   <li>Set-up, as the superuser, on a test database started durable ({@code -Deventos.it.durable=true}: {@code
 *   fsync} and {@code synchronous_commit} on, as in production; the report says what it ran with): one account with an event of {@value #ATTENDEES} paid tickets (generated set-based) and
 *   {@value #SCANNERS} kiosk devices on its default list.</li>
 *   <li>In the container: {@value #SCANNERS} scanners, each a thread doing what a kiosk's request does, back to back:
 *   the device check of the kiosk filter (its own transaction, when its last look is 5 s old) and the scan (lock the ticket, read its last movement,
 *   write the entry, audit record, timeline activity and the scan with its answer). Codes come from one shuffled queue
 *   of the event's tickets; every 20th scan repeats a code already admitted (a person trying twice), which must be
 *   refused. {@value #WARMUP_SECONDS} s warm-up, then {@value #MEASURED_SECONDS} s measured: scans per second, p50, p95
 *   and p99 of one scan on the server, the machine's CPU, statements per scan (pg_stat_statements).</li>
 *   <li>Afterwards: no ticket has more than one entry (double admissions must be 0).</li>
 * </ol>
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CheckInScanBenchmark {

    static final int ATTENDEES = 100_000;
    static final int SCANNERS = 16;
    static final int WARMUP_SECONDS = 40;
    static final int MEASURED_SECONDS = 30;
    private static final String SLUG = "door-bench";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("eventos.it.war",
                "target/eventos.war")));
    }

    @Inject
    DoorService door;
    @Inject
    KioskDevices devices;
    @jakarta.annotation.Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    jakarta.enterprise.concurrent.ManagedThreadFactory threadFactory;

    @Test
    @Order(1)
    @RunAsClient
    void setUp() throws Exception {
        long started = System.nanoTime();
        try (Connection db = superuser("eventos"); Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists stats");
            sql.execute("create extension if not exists pg_stat_statements schema stats");
            sql.execute("insert into accounts (id, slug, name) values (gen_random_uuid(), '" + SLUG + "', 'Door bench')");
            sql.execute("""
                    insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency, status,
                                        visibility, published_at, format, online_url)
                    select gen_random_uuid(), a.id, 'big-night', 'Big night', now(), now() + interval '6 hours',
                           'Europe/Berlin', 'EUR', 'published', 'public', now(), 'online', 'https://example.org/s'
                    from accounts a where a.slug = '""" + SLUG + "'");
            sql.execute("""
                    insert into tickets (id, account_id, event_id, name, price_minor, currency, quantity)
                    select gen_random_uuid(), e.account_id, e.id, 'Standing', 0, 'EUR', null
                    from events e join accounts a on a.id = e.account_id where a.slug = '""" + SLUG + "'");
            // one order of 4 tickets per buyer, paid; one attendee per ticket with an unguessable-looking code
            sql.execute("""
                    create temporary table gen as
                    select g as n, gen_random_uuid() as order_id, gen_random_uuid() as line_id, e.account_id, e.id as event_id,
                           t.id as ticket_id
                    from generate_series(1, %d) g
                    cross join (select e.* from events e join accounts a on a.id = e.account_id where a.slug = '%s') e
                    join tickets t on t.event_id = e.id""".formatted(ATTENDEES / 4, SLUG));
            // the bulk rows without their triggers and key checks (the sold count of 100,000 single-row updates of
            // one ticket type took ten minutes); the sold count is set once below
            sql.execute("set session_replication_role = replica");
            sql.execute("""
                    insert into orders (id, account_id, event_id, code, access_token_hash, buyer_name, buyer_email,
                                        status, currency, paid_at)
                    select order_id, account_id, event_id, 'B' || n, md5('t' || n), 'Buyer ' || n,
                           'buyer' || n || '@example.org', 'paid', 'EUR', now()
                    from gen""");
            sql.execute("""
                    insert into order_lines (id, account_id, order_id, ticket_id, quantity, unit_price_minor, total_minor)
                    select line_id, account_id, order_id, ticket_id, 4, 0, 0 from gen""");
            sql.execute("""
                    insert into attendees (id, account_id, event_id, order_id, order_line_id, ticket_id, code,
                                           first_name, last_name)
                    select gen_random_uuid(), account_id, event_id, order_id, line_id, ticket_id,
                           md5(random()::text || n || '-' || k), 'Guest', 'Number ' || (n * 4 + k)
                    from gen cross join generate_series(0, 3) k""");
            sql.execute("set session_replication_role = origin");
            sql.execute("""
                    update tickets t set sold_count = (select count(*) from attendees a where a.ticket_id = t.id)
                    from events e join accounts a on a.id = e.account_id
                    where t.event_id = e.id and a.slug = '""" + SLUG + "'");
            sql.execute("""
                    insert into checkin_devices (id, account_id, event_id, list_id, name, token_hash, expires_at)
                    select gen_random_uuid(), l.account_id, l.event_id, l.id, 'Door ' || d, md5('d' || d) || md5('e' || d),
                           now() + interval '1 day'
                    from checkin_lists l join accounts a on a.id = l.account_id, generate_series(1, %d) d
                    where a.slug = '%s' and l.is_default""".formatted(SCANNERS, SLUG));
            if (Boolean.getBoolean("bench.withoutAccountKeys")) {
                // experiment (docs/benchmarks.md): the tables a scan writes without their foreign key to accounts, whose
                // check key-share-locks the account's one row at every commit
                for (String table : List.of("check_ins", "audit_log", "activities", "checkin_scans")) {
                    sql.execute("alter table " + table + " drop constraint " + table + "_account_id_fkey");
                }
                System.out.println("check-in benchmark: EXPERIMENT without the account foreign keys of check_ins, "
                        + "audit_log, activities, checkin_scans");
            }
            sql.execute("vacuum analyze");
            sql.execute("select stats.pg_stat_statements_reset()");
        }
        System.out.printf(Locale.ROOT, "check-in benchmark: %,d tickets generated in %.0f s%n", ATTENDEES,
                (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(2)
    void scan() throws Exception {
        Setup setup = setup();
        List<String> queue = new ArrayList<>(setup.codes());
        java.util.Collections.shuffle(queue, new java.util.Random(14));
        AtomicInteger next = new AtomicInteger();
        AtomicLong admitted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong wrongAnswers = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[SCANNERS][];
        int[] counts = new int[SCANNERS];
        long warmEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        long end = warmEnd + MEASURED_SECONDS * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(SCANNERS);
        long[] cpuBefore = new long[2];
        Thread[] threads = new Thread[SCANNERS];
        DeviceGrant[] grants = new DeviceGrant[SCANNERS];
        long[] checkedAt = new long[SCANNERS];
        for (int s = 0; s < SCANNERS; s++) {
            int scanner = s;
            latencies[s] = new long[200_000];
            threads[s] = threadFactory.newThread(() -> {
                try {
                    int i = 0;
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end) {
                            break;
                        }
                        int n = next.getAndIncrement();
                        // every 20th scan repeats the code of a first scan 1,001 scans earlier (about a second; n - 1001 is never a repeat)
                        boolean again = n % 20 == 19 && n > 1001;
                        String code = again ? queue.get(n - 1001) : queue.get(n % queue.size());
                        long t0 = System.nanoTime();
                        ScanAnswer answer;
                        try (var t = CurrentTenant.bind(setup.account())) {
                            // the kiosk filter looks the device up again when its last look is 5 s old
                            if (grants[scanner] == null || now - checkedAt[scanner] > 5_000_000_000L) {
                                grants[scanner] = devices.active(setup.devices().get(scanner)).orElseThrow();
                                checkedAt[scanner] = now;
                            }
                            try (var d = CurrentTenant.bindDevice(grants[scanner])) {
                                answer = door.scan(setup.event(), setup.list(), new ScanRequest(code,
                                        UUID.randomUUID().toString(), CheckInDirection.IN, "Gate " + scanner));
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmEnd) {
                            if (i < latencies[scanner].length) {
                                latencies[scanner][i++] = t1 - t0;
                            }
                            if (ScanAnswer.ADMITTED.equals(answer.result())) {
                                admitted.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                            boolean firstTime = n < queue.size() && !again;
                            if (firstTime != ScanAnswer.ADMITTED.equals(answer.result()) && n < queue.size()) {
                                wrongAnswers.incrementAndGet();
                            }
                        }
                    }
                    counts[scanner] = i;
                } finally {
                    done.countDown();
                }
            });
            threads[s].start();
        }
        while (System.nanoTime() < warmEnd) {
            Thread.sleep(Math.max(1, (warmEnd - System.nanoTime()) / 1_000_000));
        }
        long[] cpu0 = cpu();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long jvm0 = os.getProcessCpuTime();
        done.await();
        long[] cpu1 = cpu();
        long jvmNanos = os.getProcessCpuTime() - jvm0;
        long total = 0;
        List<Long> all = new ArrayList<>();
        for (int s = 0; s < SCANNERS; s++) {
            for (int i = 0; i < counts[s]; i++) {
                all.add(latencies[s][i]);
            }
            total += counts[s];
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        double busy = 100.0 * (cpu1[0] - cpu0[0]) / Math.max(1, cpu1[1] - cpu0[1]);
        // CPU per scan: the server's JVM (this process) and the rest of the machine (PostgreSQL, mostly); /proc/stat
        // counts in jiffies of 10 ms
        double machineMsPerScan = (cpu1[0] - cpu0[0]) * 10.0 / Math.max(1, total);
        double jvmMsPerScan = jvmNanos / 1e6 / Math.max(1, total);
        String result = String.format(Locale.ROOT, """
                        | %d scanners, %d tickets, %d s measured after %d s warm-up | %,.0f scans/s | p50 %.1f ms | p95 %.1f ms | p99 %.1f ms | admitted %,d, refused %,d (repeats), wrong answers %d, errors %d | machine %.0f %% busy; CPU per scan: JVM %.2f ms, rest (PostgreSQL) %.2f ms |""",
                SCANNERS, ATTENDEES, MEASURED_SECONDS, WARMUP_SECONDS, total / (double) MEASURED_SECONDS,
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), admitted.get(), refused.get(),
                wrongAnswers.get(), errors.get(), busy, jvmMsPerScan, machineMsPerScan - jvmMsPerScan);
        // what one count of the list costs at this size (the kiosks never asked in the loop, so the shared counts of
        // DoorCountsCache are cold: this is the read every poll would pay without it)
        long c0 = System.nanoTime();
        try (var t = CurrentTenant.bind(setup.account());
             var d = CurrentTenant.bindDevice(devices.active(setup.devices().get(0)).orElseThrow())) {
            door.counts(setup.event(), setup.list());
        }
        result += String.format(Locale.ROOT, "%nlive counts of the list (%,d tickets, %,d checked in), one read: %d ms",
                ATTENDEES, admitted.get(), (System.nanoTime() - c0) / 1_000_000);
        System.out.println(result);
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "eventos-bench"));
        Files.writeString(dir.resolve("checkin-scan.md"), result + "\n" + "scans measured: " + total + "\n");
        assertEquals(0, wrongAnswers.get(), "a first scan refused or a repeat admitted");
        assertEquals(0, errors.get(), "scans that failed");
    }

    @Test
    @Order(3)
    @RunAsClient
    void report() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection db = superuser("eventos"); Statement sql = db.createStatement()) {
            try (ResultSet rs = sql.executeQuery("""
                    select count(*) from (select c.attendee_id from check_ins c join accounts a on a.id = c.account_id
                    where a.slug = '""" + SLUG + """
                    ' and c.direction = 'in' and c.undone_at is null group by c.attendee_id having count(*) > 1) d""")) {
                rs.next();
                lines.add("double admissions: " + rs.getLong(1));
                assertEquals(0, rs.getLong(1), "tickets admitted more than once");
            }
            try (ResultSet rs = sql.executeQuery("""
                    select count(*) from checkin_scans s join accounts a on a.id = s.account_id where a.slug = '"""
                    + SLUG + "'")) {
                rs.next();
                long scans = rs.getLong(1);
                try (ResultSet st = db.createStatement().executeQuery("""
                        select coalesce(sum(calls), 0) from stats.pg_stat_statements s join pg_roles r on r.oid = s.userid
                        where r.rolname = 'eventos_app' and s.query not ilike 'begin%' and s.query not ilike 'commit%'""")) {
                    st.next();
                    lines.add(String.format(Locale.ROOT, "scans in all (warm-up included): %,d; statements of the "
                            + "application role per scan (device check included): %.1f", scans,
                            st.getLong(1) / (double) Math.max(1, scans)));
                }
            }
            try (ResultSet rs = sql.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                lines.add("PostgreSQL fsync = " + rs.getString(1) + ", synchronous_commit = " + rs.getString(2)
                        + "; load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path scan = Path.of(System.getProperty("java.io.tmpdir"), "eventos-bench", "checkin-scan.md");
        if (Files.exists(scan)) {
            lines.addAll(0, Files.readAllLines(scan));
        }
        Files.write(dir.resolve("checkin-results.md"), lines);
        lines.forEach(System.out::println);
    }

    // ------------------------------------------------------------------------------------------ helpers

    record Setup(UUID account, UUID event, UUID list, List<UUID> devices, List<String> codes) {
    }

    /** Read as the superuser from inside the server (the set-up's ids and codes), once. */
    private static Setup setup() throws Exception {
        try (Connection db = superuser("eventos"); Statement sql = db.createStatement()) {
            UUID account;
            UUID event;
            UUID list;
            try (ResultSet rs = sql.executeQuery("""
                    select a.id, e.id, l.id from accounts a join events e on e.account_id = a.id
                    join checkin_lists l on l.event_id = e.id and l.is_default where a.slug = '""" + SLUG + "'")) {
                rs.next();
                account = (UUID) rs.getObject(1);
                event = (UUID) rs.getObject(2);
                list = (UUID) rs.getObject(3);
            }
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("select id from checkin_devices where list_id = '" + list
                    + "' order by name")) {
                while (rs.next()) {
                    ids.add((UUID) rs.getObject(1));
                }
            }
            List<String> codes = new ArrayList<>(ATTENDEES);
            try (ResultSet rs = sql.executeQuery("select code from attendees where event_id = '" + event + "'")) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return new Setup(account, event, list, ids, codes);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1e6;
    }

    /** Busy and total jiffies of the whole machine (/proc/stat). */
    private static long[] cpu() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] v = Arrays.stream(f).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        long idle = v[3] + v[4];
        long all = Arrays.stream(v).sum();
        return new long[] {all - idle, all};
    }

    /** As the superuser, from the client (Failsafe's port property) or from inside the server (its database URL). */
    private static Connection superuser(String database) throws java.sql.SQLException {
        Integer port = Integer.getInteger("eventos.it.pgPort");
        if (port == null) {
            java.net.URI url = java.net.URI.create(System.getenv("EVENTOS_DB_URL").substring("jdbc:".length()));
            port = url.getPort();
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }
}
