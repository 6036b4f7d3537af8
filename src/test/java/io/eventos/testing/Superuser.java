package io.eventos.testing;

import io.eventos.devserver.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A connection to the test database as its superuser, from inside the container (the deployment's
 * {@code EVENTOS_DB_URL}): for what the application role may not do or see — other sessions' locks and activity,
 * statistics, pg_stat_statements, rows of every account as they are.
 */
public final class Superuser {

    private Superuser() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("EVENTOS_DB_URL"), "postgres", "");
    }

    /** What a plan's transaction does as the superuser before it turns into the application role. */
    @FunctionalInterface
    public interface Preparation {
        void run(Statement superuser) throws SQLException;
    }

    /** EXPLAIN's lines for {@code sql} as the application role bound to {@code account}. */
    public static List<String> plan(UUID account, String sql) throws SQLException {
        return plan(account, sql, st -> { });
    }

    /**
     * As {@link #plan(UUID, String)}, after {@code preparation} in the same transaction, which is rolled back (so it
     * may drop indexes or change settings for this plan alone). {@code sql} follows "explain ", so it may start with
     * options: "(analyze, buffers) select ...".
     */
    public static List<String> plan(UUID account, String sql, Preparation preparation) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = connect(); Statement st = db.createStatement()) {
            st.execute("begin");
            preparation.run(st);
            st.execute("set local role " + EmbeddedDatabase.APP);
            st.execute("select set_config('app.account_id', '" + account + "', true)");
            try (ResultSet rs = st.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            st.execute("rollback");
        }
        return lines;
    }
}
