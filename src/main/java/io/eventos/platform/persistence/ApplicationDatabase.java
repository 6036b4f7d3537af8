package io.eventos.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Declares the application's data source (EVENTOS_DB_*; it connects as the application role, which row level
 * security applies to) and makes sure at start-up that it works: its first connection migrates the schema
 * ({@link MigratingDataSource}). Start-up beans that touch data declare {@code @DependsOn("ApplicationDatabase")}.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/eventos",
        className = "io.eventos.platform.persistence.MigratingDataSource",
        url = "${MPCONFIG=eventos.db.url}",
        user = "${MPCONFIG=eventos.db.user}",
        password = "${MPCONFIG=eventos.db.password}",
        initialPoolSize = 0,
        minPoolSize = 0,
        // 16 gave more orders/s in the checkout rush on 2 cores (125-152 vs 119), but with it the orders look-ups by
        // code, idempotency key and access token read 120-310 buffers a call instead of 2-5, growing with the table
        // (a plan PostgreSQL keeps per connection; not yet understood, docs/benchmarks.md): 32 until it is
        maxPoolSize = 32,
        properties = {
                "ownerUser=${MPCONFIG=eventos.db.owner.user}",
                "ownerPassword=${MPCONFIG=eventos.db.owner.password}",
                // lets JSON text bind to jsonb and text to inet columns without casts in every query
                "stringType=unspecified",
                "ApplicationName=eventos",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"
        })
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApplicationDatabase {

    @Resource(lookup = "java:app/jdbc/eventos")
    DataSource dataSource;

    @PostConstruct
    void verify() {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseSetupException("The database is not usable: " + e.getMessage(), e);
        }
    }
}
