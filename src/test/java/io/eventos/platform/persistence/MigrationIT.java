package io.eventos.platform.persistence;

import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations run from an empty database, twice without harm, and refuse a role that would bypass RLS. */
class MigrationIT {

    @Test
    void migratesAnEmptyDatabaseThenFindsNothingToDo() throws SQLException, IOException {
        EmbeddedDatabase database = TestDatabase.get();
        database.createDatabase("migration_from_empty");
        DatabaseSettings settings = database.settings("migration_from_empty");

        int applied = DatabaseBootstrap.migrate(settings, getClass().getClassLoader());
        long files;
        try (Stream<Path> migrations = Files.list(Path.of("db", "migration"))) {
            files = migrations.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertThat(applied).isEqualTo((int) files).isPositive();
        assertThat(DatabaseBootstrap.migrate(settings, getClass().getClassLoader())).isZero();

        try (Connection admin = database.superuserConnection("migration_from_empty");
             Statement sql = admin.createStatement();
             ResultSet rs = sql.executeQuery("""
                     select count(*) filter (where table_name in ('accounts','users','account_users','events','venues',
                       'attendees','tickets','orders','contacts','activities','sessions','campaigns','analytics',
                       'integrations','notifications'))
                     from information_schema.tables where table_schema = 'public'""")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the 15 core tables of the brief").isEqualTo(15);
        }
    }

    /**
     * A database with sales before V12 and V14, upgraded: what was sold, is pending and is held counts after the
     * upgrade. Migrations run as the owner role, which forced row level security filters like any other role: V12's
     * fill of sold_count saw no rows and left every ticket unsold (the upgrade would have sold those seats again).
     */
    @Test
    void anUpgradedDatabaseCountsWhatWasAlreadySoldPendingAndHeld() throws SQLException {
        EmbeddedDatabase database = TestDatabase.get();
        database.createDatabase("migration_with_sales");
        DatabaseSettings settings = database.settings("migration_with_sales");
        DatabaseBootstrap.migrate(database.settings(), getClass().getClassLoader()); // the application role exists
        Flyway.configure(getClass().getClassLoader())
                .dataSource(settings.url(), settings.ownerUser(), settings.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", DatabaseBootstrap.quoteIdentifier(settings.appUser())))
                .target("11").load().migrate();
        String account = "00000000-0000-0000-0000-00000000a001";
        String event = "00000000-0000-0000-0000-00000000e001";
        String ticket = "00000000-0000-0000-0000-00000000f001";
        try (Connection admin = database.superuserConnection("migration_with_sales");
             Statement sql = admin.createStatement()) {
            sql.execute("insert into accounts (id, slug, name) values ('" + account + "', 'upgraded', 'Upgraded')");
            sql.execute("insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency) "
                    + "values ('" + event + "', '" + account + "', 'gala', 'Gala', now() + interval '30 days', "
                    + "now() + interval '31 days', 'Europe/Berlin', 'EUR')");
            sql.execute("insert into tickets (id, account_id, event_id, name, price_minor, currency, quantity) "
                    + "values ('" + ticket + "', '" + account + "', '" + event + "', 'Seat', 2500, 'EUR', 10)");
            // two paid tickets, one pending (deadline tomorrow), one of a pending order past its deadline
            order(sql, account, event, ticket, 1, "paid", "null", 2);
            order(sql, account, event, ticket, 2, "pending", "now() + interval '1 day'", 1);
            order(sql, account, event, ticket, 3, "pending", "now() - interval '1 minute'", 1);
            // three held for ten more minutes; two of a hold that expired; one of a hold already converted
            hold(sql, account, event, ticket, 1, "active", "now() + interval '10 minutes'", 3);
            hold(sql, account, event, ticket, 2, "active", "now() - interval '1 minute'", 2);
            hold(sql, account, event, ticket, 3, "converted", "now() + interval '10 minutes'", 1);
        }

        DatabaseBootstrap.migrate(settings, getClass().getClassLoader());

        try (Connection app = DatabaseBootstrap.connect(settings, false); Statement sql = app.createStatement()) {
            sql.execute("select set_config('app.account_id', '" + account + "', false)");
            try (ResultSet rs = sql.executeQuery("select t.sold_count, c.pending, c.held from tickets t "
                    + "left join live_ticket_counts('" + event + "', now(), null) c on c.ticket_id = t.id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("sold").isEqualTo(2);
                assertThat(rs.getInt(2)).as("pending").isEqualTo(1);
                assertThat(rs.getInt(3)).as("held").isEqualTo(3);
            }
        }
    }

    /**
     * V39: the retention sweep's stamp moves from a column of accounts (V27) to the CRM's own table, one row per
     * account swept; an account never swept gets none, and the column is gone.
     */
    @Test
    void anUpgradedDatabaseKeepsEachAccountsRetentionStampInTheCrmsTable() throws SQLException {
        EmbeddedDatabase database = TestDatabase.get();
        database.createDatabase("migration_retention_stamp");
        DatabaseSettings settings = database.settings("migration_retention_stamp");
        DatabaseBootstrap.migrate(database.settings(), getClass().getClassLoader()); // the application role exists
        Flyway.configure(getClass().getClassLoader())
                .dataSource(settings.url(), settings.ownerUser(), settings.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", DatabaseBootstrap.quoteIdentifier(settings.appUser())))
                .target("38").load().migrate();
        String swept = "00000000-0000-0000-0000-00000000a101";
        String never = "00000000-0000-0000-0000-00000000a102";
        try (Connection admin = database.superuserConnection("migration_retention_stamp");
             Statement sql = admin.createStatement()) {
            sql.execute("insert into accounts (id, slug, name, data_retention_days, retention_checked_at) values "
                    + "('" + swept + "', 'swept', 'Swept', 365, timestamptz '2026-11-30 10:00:00+00'), "
                    + "('" + never + "', 'never-swept', 'Never swept', 365, null)");
        }

        DatabaseBootstrap.migrate(settings, getClass().getClassLoader());

        try (Connection admin = database.superuserConnection("migration_retention_stamp");
             Statement sql = admin.createStatement()) {
            try (ResultSet rs = sql.executeQuery("select account_id::text, checked_at = timestamptz "
                    + "'2026-11-30 10:00:00+00' from contact_retention_sweeps")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(swept);
                assertThat(rs.getBoolean(2)).as("the stamp as it was").isTrue();
                assertThat(rs.next()).as("no stamp for the account never swept").isFalse();
            }
            try (ResultSet rs = sql.executeQuery("select count(*) from information_schema.columns "
                    + "where table_name = 'accounts' and column_name = 'retention_checked_at'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the column on accounts").isZero();
            }
        }
    }

    private static void order(Statement sql, String account, String event, String ticket, int n, String status,
                              String deadline, int tickets) throws SQLException {
        String order = "00000000-0000-0000-0000-0000000000" + (10 + n);
        String line = "00000000-0000-0000-0000-0000000001" + (10 + n);
        sql.execute("insert into orders (id, account_id, event_id, code, access_token_hash, buyer_name, buyer_email, "
                + "currency, status, paid_at, payment_deadline, total_minor) values ('" + order + "', '" + account
                + "', '" + event + "', 'UPGRADE-" + n + "', md5('" + n + "'), 'Buyer', 'b" + n + "@example.org', "
                + "'EUR', '" + status + "', " + ("paid".equals(status) ? "now()" : "null") + ", " + deadline + ", "
                + 2500 * tickets + ")");
        sql.execute("insert into order_lines (id, account_id, order_id, ticket_id, quantity, unit_price_minor, "
                + "total_minor) values ('" + line + "', '" + account + "', '" + order + "', '" + ticket + "', "
                + tickets + ", 2500, " + 2500 * tickets + ")");
        sql.execute("insert into attendees (id, account_id, event_id, order_id, order_line_id, ticket_id, code, "
                + "first_name, last_name) select gen_random_uuid(), '" + account + "', '" + event + "', '" + order
                + "', '" + line + "', '" + ticket + "', md5('" + order + "' || i), 'Guest', 'Number' || i "
                + "from generate_series(1, " + tickets + ") i");
    }

    private static void hold(Statement sql, String account, String event, String ticket, int n, String status,
                             String expiresAt, int tickets) throws SQLException {
        String hold = "00000000-0000-0000-0000-0000000002" + (10 + n);
        sql.execute("insert into holds (id, account_id, event_id, token, expires_at, status) values ('" + hold
                + "', '" + account + "', '" + event + "', 'upgrade-hold-" + n + "', " + expiresAt + ", '" + status
                + "')");
        sql.execute("insert into hold_lines (id, account_id, hold_id, ticket_id, quantity) values "
                + "(gen_random_uuid(), '" + account + "', '" + hold + "', '" + ticket + "', " + tickets + ")");
    }

    /**
     * PostgreSQL 14 and older let everyone create objects in schema public; when the owner role cannot revoke that
     * (it does not own the schema), the application refuses to start with the statement to run.
     */
    @Test
    void refusesAnApplicationRoleThatMayCreateObjects() throws SQLException {
        EmbeddedDatabase database = TestDatabase.get();
        database.createDatabase("migration_app_creates");
        try (Connection admin = database.superuserConnection("migration_app_creates");
             Statement sql = admin.createStatement()) {
            sql.execute("alter schema public owner to postgres");
            sql.execute("grant create on schema public to public");
            sql.execute("grant create on schema public to " + EmbeddedDatabase.OWNER);
        }
        DatabaseSettings settings = database.settings("migration_app_creates");
        assertThatThrownBy(() -> DatabaseBootstrap.migrate(settings, getClass().getClassLoader()))
                .isInstanceOf(DatabaseSetupException.class)
                .hasMessageContaining("may create objects in schema public")
                .hasMessageContaining("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }

    @Test
    void refusesAnApplicationRoleThatBypassesRowLevelSecurity() throws SQLException {
        EmbeddedDatabase database = TestDatabase.get();
        database.createDatabase("migration_superuser_app");
        DatabaseSettings settings = new DatabaseSettings(database.url("migration_superuser_app"), "postgres", "",
                EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD);
        assertThatThrownBy(() -> DatabaseBootstrap.migrate(settings, getClass().getClassLoader()))
                .isInstanceOf(DatabaseSetupException.class)
                .hasMessageContaining("EVENTOS_DB_USER=postgres")
                .hasMessageContaining("bypass row level security");
    }

    @Test
    void aMissingDatabaseIsExplainedInOneSentence() {
        EmbeddedDatabase database = TestDatabase.get();
        DatabaseSettings settings = new DatabaseSettings(database.url("no_such_database"), "eventos_app", "x",
                EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD);
        assertThatThrownBy(() -> DatabaseBootstrap.migrate(settings, getClass().getClassLoader()))
                .isInstanceOf(DatabaseSetupException.class)
                .hasMessageContaining("does not exist")
                .hasMessageNotContaining("\n");
    }
}
