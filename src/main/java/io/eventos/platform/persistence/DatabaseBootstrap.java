package io.eventos.platform.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database up to date: makes sure the application role exists and cannot bypass row level security, then
 * runs the Flyway migrations in {@code db/migration} as the owner role. Plain JDBC, so the application's start-up,
 * the development launcher and the tests all run exactly the same steps.
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());
    /** The superuser's one step for a database (README), packaged with the migrations. */
    static final String LEAKPROOF_SQL = "db/superuser/leakproof.sql";
    private static final Pattern LEAKPROOF_FUNCTION = Pattern.compile("(?m)^alter function (\\S+\\(.*?\\)) leakproof;");

    private DatabaseBootstrap() {
    }

    /** Prepares roles and migrates; returns the number of migrations applied. */
    public static int migrate(DatabaseSettings settings, ClassLoader classLoader) {
        try (Connection owner = connect(settings, true)) {
            ensureApplicationRole(owner, settings);
        } catch (SQLException e) {
            throw new DatabaseSetupException(settings.explain(e, true), e);
        }
        Flyway flyway = Flyway.configure(classLoader)
                .dataSource(settings.url(), settings.ownerUser(), settings.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", quoteIdentifier(settings.appUser())))
                .connectRetries(0)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion() + " ("
                + result.migrationsExecuted + " migrations applied now)");
        checkApplicationRole(settings);
        warnUnlessLeakproof(settings);
        return result.migrationsExecuted;
    }

    /** The superuser's one step ({@code db/superuser/leakproof.sql}, README), as one string of statements. */
    public static String leakproofStatements() {
        try (InputStream in = DatabaseBootstrap.class.getClassLoader().getResourceAsStream(LEAKPROOF_SQL)) {
            if (in == null) {
                throw new IllegalStateException(LEAKPROOF_SQL + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Says at start-up when the search functions are not leakproof in this database: everything works, but under row
     * level security the organizers' searches cannot use their indexes (V40) and read every row of the event or
     * account instead.
     */
    private static void warnUnlessLeakproof(DatabaseSettings settings) {
        Matcher m = LEAKPROOF_FUNCTION.matcher(leakproofStatements());
        List<String> missing = new ArrayList<>();
        try (Connection app = connect(settings, false);
             PreparedStatement query = app.prepareStatement(
                     "select proleakproof from pg_proc where oid = cast(cast(? as text) as regprocedure)")) {
            while (m.find()) {
                query.setString(1, m.group(1));
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        missing.add(m.group(1));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not check the search functions' leakproof marks", e);
            return;
        }
        if (!missing.isEmpty()) {
            LOG.warning(() -> "Not marked leakproof in this database: " + String.join(", ", missing) + ". The "
                    + "organizers' searches work but cannot use their indexes under row level security (slow on large "
                    + "accounts). As a superuser, run db/superuser/leakproof.sql in this database (README).");
        }
    }

    static Connection connect(DatabaseSettings settings, boolean asOwner) throws SQLException {
        return DriverManager.getConnection(settings.url(),
                asOwner ? settings.ownerUser() : settings.appUser(),
                asOwner ? settings.ownerPassword() : settings.appPassword());
    }

    private static void ensureApplicationRole(Connection owner, DatabaseSettings settings) throws SQLException {
        try (PreparedStatement query = owner.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, settings.appUser());
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement statement = owner.createStatement()) {
            statement.execute("create role " + quoteIdentifier(settings.appUser())
                    + " login nosuperuser nobypassrls nocreatedb nocreaterole noinherit password "
                    + quoteLiteral(settings.appPassword() == null ? "" : settings.appPassword()));
            LOG.info(() -> "Created the application role " + settings.appUser());
        } catch (SQLException e) {
            throw new DatabaseSetupException("The application role EVENTOS_DB_USER=" + settings.appUser()
                    + " does not exist and EVENTOS_DB_OWNER_USER=" + settings.ownerUser()
                    + " may not create it; create it (LOGIN NOSUPERUSER NOBYPASSRLS) or grant CREATEROLE to the owner.", e);
        }
    }

    /** Refuses to run as a role that would silently see every tenant's rows. */
    private static void checkApplicationRole(DatabaseSettings settings) {
        try (Connection app = connect(settings, false);
             Statement statement = app.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select rolsuper, rolbypassrls, exists (select 1 from pg_tables where schemaname = 'public' "
                             + "and tableowner = current_user), has_schema_privilege(current_user, 'public', 'CREATE') "
                             + "from pg_roles where rolname = current_user")) {
            rs.next();
            if (rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3)) {
                throw new DatabaseSetupException("EVENTOS_DB_USER=" + settings.appUser()
                        + " is a superuser, has BYPASSRLS or owns tables: it would bypass row level security. "
                        + "Use a plain role (the application creates one when the variable names a role that does not exist).");
            }
            if (rs.getBoolean(4)) {
                throw new DatabaseSetupException("EVENTOS_DB_USER=" + settings.appUser()
                        + " may create objects in schema public (PostgreSQL 14 and older allow everyone to), and what "
                        + "it creates is outside row level security. As a superuser, run in this database: "
                        + "ALTER SCHEMA public OWNER TO " + settings.ownerUser() + "; REVOKE CREATE ON SCHEMA public "
                        + "FROM PUBLIC;");
            }
        } catch (SQLException e) {
            throw new DatabaseSetupException(settings.explain(e, false), e);
        }
    }

    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String quoteLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
