package io.eventos.testing;

import io.eventos.devserver.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one real PostgreSQL of an integration-test run: an embedded server (zonky) on the port Maven reserved
 * ({@code eventos.it.pgPort}), started once per test JVM and stopped when it exits. The application servers
 * started by the tests reach it through EVENTOS_DB_URL, which Failsafe sets for them.
 */
public final class TestDatabase {

    private static EmbeddedDatabase instance;

    private TestDatabase() {
    }

    public static synchronized EmbeddedDatabase get() {
        if (instance == null) {
            try {
                int port = Integer.getInteger("eventos.it.pgPort", 0);
                Path dir = Files.createTempDirectory("eventos-it-pg");
                // durable (fsync and synchronous_commit on) for benchmarks: -Deventos.it.durable=true
                instance = EmbeddedDatabase.start(dir, port == 0 ? freePort() : port, true,
                        Boolean.getBoolean("eventos.it.durable"));
                EmbeddedDatabase started = instance;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting anyway
                    }
                }, "test-db-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not prepare the test database", e);
            }
        }
        return instance;
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The first column of each row of {@code sql} (as text), run as superuser on the test database ("eventos") with
     * these parameters ({@code ?}, bound with {@code setObject}: a String for text, {@code cast(? as uuid)} for ids).
     */
    public static List<String> query(String sql, Object... parameters) {
        try (Connection db = get().superuserConnection(EmbeddedDatabase.DATABASE);
             PreparedStatement statement = prepare(db, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rows.next()) {
                out.add(rows.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs {@code sql} (an update, insert, delete or DDL) as {@link #query} does; returns the rows it changed. */
    public static int execute(String sql, Object... parameters) {
        try (Connection db = get().superuserConnection(EmbeddedDatabase.DATABASE);
             PreparedStatement statement = prepare(db, sql, parameters)) {
            statement.execute();
            return Math.max(statement.getUpdateCount(), 0);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
