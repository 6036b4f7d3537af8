package io.eventos.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements the application role ran, as PostgreSQL's {@code pg_stat_statements} counts them: one filter for
 * the tests that count a request's statements ({@code web.OrganizerListQueriesIT}) and the benchmarks that report
 * them ({@code bench.BenchServer}), so both count the same thing.
 */
public final class AppStatements {

    /**
     * The {@code from ... where ...} of the application role's statements (alias {@code s}), but binding the tenant,
     * transaction control and {@code show}/{@code set}, the driver's catalog look-ups and the outbox workers' rounds.
     */
    public static final String ALL = """
            from stats.pg_stat_statements s join pg_roles r on r.oid = s.userid
            where r.rolname = 'eventos_app'
              and s.query !~* 'set_config' and s.query !~* 'outbox' and s.query !~* 'pg_catalog'
              and s.query !~* '^\\s*(begin|commit|rollback|show|set )'""";

    /** As {@link #ALL}, also without the rollups' rounds and the page-view counters: what a request runs itself. */
    public static final String OF_REQUESTS = ALL + " and s.query !~* 'analytics' and s.query !~* 'rollup'";

    private AppStatements() {
    }

    /** Loads {@code pg_stat_statements} (schema {@code stats}) into the database of this superuser connection. */
    public static void enable(Connection superuser) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            sql.execute("create schema if not exists stats");
            sql.execute("create extension if not exists pg_stat_statements schema stats");
        }
    }

    /** Forgets what was counted so far. */
    public static void reset(Statement superuser) throws SQLException {
        superuser.execute("select stats.pg_stat_statements_reset()");
    }

    /** The statements {@code filter} ({@link #ALL} or {@link #OF_REQUESTS}) keeps, once per call, spaces folded. */
    public static List<String> list(Statement superuser, String filter) throws SQLException {
        List<String> queries = new ArrayList<>();
        try (ResultSet rs = superuser.executeQuery("select s.query, s.calls " + filter)) {
            while (rs.next()) {
                for (long i = 0; i < rs.getLong(2); i++) {
                    queries.add(rs.getString(1).replaceAll("\\s+", " "));
                }
            }
        }
        return queries;
    }

    /** How many statements {@code filter} keeps (calls added up). */
    public static long count(Statement superuser, String filter) throws SQLException {
        try (ResultSet rs = superuser.executeQuery("select coalesce(sum(s.calls), 0) " + filter)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
