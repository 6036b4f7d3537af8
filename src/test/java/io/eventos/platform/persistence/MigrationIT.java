package io.eventos.platform.persistence;

import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
