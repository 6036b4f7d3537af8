package io.eventos.platform.outbox;

import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.platform.persistence.DatabaseBootstrap;
import io.eventos.platform.persistence.DatabaseSettings;
import io.eventos.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V21's {@code outbox_claim} as the workers of several servers call it, on a database of its own, as the
 * application role: parallel claims never hand one row to two workers, a lease keeps a claimed row from being
 * claimed again until it runs out, and row level security still holds around it.
 */
class OutboxClaimIT {

    private static final String A = "00000000-0000-0000-0000-0000000000a1";
    private static final String B = "00000000-0000-0000-0000-0000000000b1";
    private static EmbeddedDatabase cluster;
    private static DatabaseSettings settings;
    private static final String DATABASE = "outbox_claims";

    @BeforeAll
    static void database() throws SQLException {
        cluster = TestDatabase.get();
        cluster.createDatabase(DATABASE);
        settings = cluster.settings(DATABASE);
        DatabaseBootstrap.migrate(settings, OutboxClaimIT.class.getClassLoader());
        try (Connection admin = cluster.superuserConnection(DATABASE); Statement sql = admin.createStatement()) {
            sql.execute("insert into accounts (id, slug, name) values ('" + A + "', 'outbox-a', 'A'), ('" + B
                    + "', 'outbox-b', 'B')");
        }
    }

    @Test
    void parallelWorkersClaimEveryDueRowExactlyOnce() throws Exception {
        Set<String> written = new java.util.HashSet<>();
        written.addAll(rows(A, 120, "claim.parallel"));
        written.addAll(rows(B, 120, "claim.parallel"));
        written.addAll(rows(null, 60, "claim.parallel"));

        int workers = 8;
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            done.add(pool.submit(() -> {
                try (Connection app = app()) {
                    start.await();
                    while (true) {
                        List<String> batch = claim(app, 7, 300, "claim.parallel");
                        if (batch.isEmpty()) {
                            return null;
                        }
                        claimed.addAll(batch);
                    }
                }
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(claimed).as("no row claimed twice").doesNotHaveDuplicates();
        assertThat(Set.copyOf(claimed)).as("every due row claimed").isEqualTo(written);
        assertThat(column("select distinct attempts::text from outbox where topic = 'claim.parallel'"))
                .containsExactly("1");
    }

    @Test
    void aLeasedRowIsClaimedAgainOnlyWhenItsLeaseRunsOut() throws Exception {
        List<String> mine = rows(A, 3, "claim.lease");
        try (Connection app = app()) {
            assertThat(claim(app, 10, 120, "claim.lease")).containsExactlyInAnyOrderElementsOf(mine);
            assertThat(claim(app, 10, 120, "claim.lease")).as("leased: nobody else takes them").isEmpty();
        }
        // the worker died: its lease runs out
        execute("update outbox set locked_until = now() - interval '1 second' where topic = 'claim.lease'");
        try (Connection app = app()) {
            assertThat(claim(app, 10, 120, "claim.lease")).containsExactlyInAnyOrderElementsOf(mine);
        }
        assertThat(column("select distinct attempts::text from outbox where topic = 'claim.lease'"))
                .containsExactly("2");
        // rows not yet due, delivered or dead are never claimed
        execute("update outbox set locked_until = null, available_at = now() + interval '1 hour' "
                + "where id = '" + mine.get(0) + "'");
        execute("update outbox set locked_until = null, status = 'done' where id = '" + mine.get(1) + "'");
        execute("update outbox set locked_until = null, status = 'dead' where id = '" + mine.get(2) + "'");
        try (Connection app = app()) {
            assertThat(claim(app, 10, 120, "claim.lease")).isEmpty();
        }
    }

    @Test
    void rowLevelSecurityHoldsAroundTheClaim() throws Exception {
        List<String> ofA = rows(A, 2, "claim.rls");
        List<String> ofB = rows(B, 2, "claim.rls");
        List<String> ofNobody = rows(null, 1, "claim.rls");
        try (Connection app = app(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.account_id', '" + A + "', true)");
            assertThat(read(sql, "select id::text from outbox where topic = 'claim.rls'"))
                    .containsExactlyInAnyOrderElementsOf(ofA);
            read(sql, "select id::text from outbox_claim(1, 1)");
            assertThat(read(sql, "select current_setting('app.account_id')")).as("the caller's binding is back")
                    .containsExactly(A);
            app.rollback();
            sql.execute("select set_config('app.account_id', '', true)");
            assertThat(read(sql, "select id::text from outbox where topic = 'claim.rls'"))
                    .as("bound to no account: only the rows of no account").containsExactlyElementsOf(ofNobody);
            app.rollback();
            sql.execute("select set_config('app.account_id', '" + A + "', true)");
            assertThat(sql.executeUpdate("update outbox set status = 'done' where id = '" + ofB.get(0) + "'"))
                    .as("another account's row cannot be touched").isZero();
            app.rollback();
        }
    }

    /** A connection as the application role (row level security applies). */
    private static Connection app() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.appUser(), settings.appPassword());
    }

    private static List<String> claim(Connection app, int limit, int leaseSeconds, String topic) throws SQLException {
        try (Statement sql = app.createStatement()) {
            // claims everything due; rows of other tests' topics go back to due at once
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("select id::text, topic from outbox_claim(" + limit + ", "
                    + leaseSeconds + ")")) {
                while (rs.next()) {
                    if (rs.getString(2).equals(topic)) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        }
    }

    /** Writes {@code n} due rows for the account (null: no account) as the owner would see them; returns their ids. */
    private static List<String> rows(String account, int n, String topic) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        execute("insert into outbox (id, account_id, consumer, topic) select cast(i as uuid), "
                + (account == null ? "null" : "'" + account + "'") + ", 'test', '" + topic + "' from unnest(array["
                + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + "]) i");
        return ids;
    }

    private static void execute(String statement) throws SQLException {
        try (Connection admin = cluster.superuserConnection(DATABASE); Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
    }

    private static List<String> column(String query) throws SQLException {
        try (Connection admin = cluster.superuserConnection(DATABASE); Statement sql = admin.createStatement()) {
            return read(sql, query);
        }
    }

    private static List<String> read(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
