package io.eventos.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
}
