package io.eventos.platform.persistence;

import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads PostgreSQL's catalog: a signed-in member's transactions plan each statement with its values
 * ({@code plan_cache_mode = force_custom_plan}, {@code TransactionSettings.bind}), and every PL/pgSQL function of the
 * schema says itself how its statements are planned (V42: {@code auto}, PostgreSQL's usual choice, unless it needs its
 * values every time). A function that does not say so replans each of its statements on every run under that setting:
 * the outbox's claim, a loop over every account, went from 19 ms to 160-290 ms when every connection had it.
 */
class FunctionPlansCatalogIT {

    private static EmbeddedDatabase database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.get();
        DatabaseBootstrap.migrate(database.settings(), FunctionPlansCatalogIT.class.getClassLoader());
    }

    @Test
    void everyPlpgsqlFunctionSaysHowItsStatementsArePlanned() throws SQLException {
        List<String> unsaid = new ArrayList<>();
        List<String> all = new ArrayList<>();
        try (Connection connection = database.superuserConnection(EmbeddedDatabase.DATABASE);
             Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery("""
                     select p.oid::regprocedure::text,
                            exists (select 1 from unnest(coalesce(p.proconfig, '{}'::text[])) c
                                    where c like 'plan_cache_mode=%')
                     from pg_proc p join pg_language l on l.oid = p.prolang
                     where p.pronamespace = 'public'::regnamespace and l.lanname = 'plpgsql'
                     order by 1""")) {
            while (rs.next()) {
                all.add(rs.getString(1));
                if (!rs.getBoolean(2)) {
                    unsaid.add(rs.getString(1));
                }
            }
        }
        assertThat(all).as("the schema's PL/pgSQL functions").contains("outbox_claim(integer,integer)");
        assertThat(unsaid).as("PL/pgSQL functions without their own plan_cache_mode (add 'set plan_cache_mode = auto')")
                .isEmpty();
    }
}
