package io.eventos.platform.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {

    private final DatabaseSettings settings = new DatabaseSettings(
            "jdbc:postgresql://db.example:5432/eventos", "eventos_app", "x", "eventos_owner", "y");

    @Test
    void wrongPasswordNamesTheVariablesToCheck() {
        String message = settings.explain(new SQLException("FATAL: password authentication failed", "28P01"), true);
        assertThat(message).contains("EVENTOS_DB_OWNER_USER=eventos_owner", "EVENTOS_DB_OWNER_PASSWORD")
                .doesNotContain("\n");
    }

    @Test
    void unreachableServerNamesTheUrl() {
        String message = settings.explain(new SQLException("Connection to db.example:5432 refused.\nmore", "08001"),
                false);
        assertThat(message).contains("EVENTOS_DB_URL=jdbc:postgresql://db.example:5432/eventos")
                .doesNotContain("more");
    }

    @Test
    void missingDatabaseIsNamed() {
        assertThat(settings.explain(new SQLException("database \"eventos\" does not exist", "3D000"), true))
                .contains("does not exist");
    }

    @Test
    void appRoleMustNotBeTheOwner() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://h/db", "same", "", "same", ""))
                .isInstanceOf(DatabaseSetupException.class)
                .hasMessageContaining("EVENTOS_DB_USER and EVENTOS_DB_OWNER_USER");
    }

    @Test
    void nonPostgresUrlIsRefusedInPlainWords() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://h/db", "a", "", "b", ""))
                .hasMessageContaining("EVENTOS_DB_URL must be a PostgreSQL JDBC URL");
    }
}
