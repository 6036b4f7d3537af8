package io.eventos.platform.persistence;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The application's data source: PostgreSQL as the application role, but the very first connection it hands out
 * waits until {@link DatabaseBootstrap} has created that role (on a fresh server) and migrated the schema as the
 * owner role. The container and EclipseLink open a connection while the application is still being deployed,
 * before any start-up bean runs, so this is the one place early enough to do it.
 */
public class MigratingDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MigratingDataSource.class.getName());
    private static final Object LOCK = new Object();
    private static volatile boolean migrated;

    private String ownerUser;
    private String ownerPassword;

    public void setOwnerUser(String ownerUser) {
        this.ownerUser = ownerUser;
    }

    public String getOwnerUser() {
        return ownerUser;
    }

    public void setOwnerPassword(String ownerPassword) {
        this.ownerPassword = ownerPassword;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ensureMigrated();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        ensureMigrated();
        return super.getConnection(user, password);
    }

    private void ensureMigrated() throws SQLException {
        if (migrated) {
            return;
        }
        synchronized (LOCK) {
            if (migrated) {
                return;
            }
            try {
                DatabaseBootstrap.migrate(new DatabaseSettings(jdbcUrlWithoutProperties(), getUser(), getPassword(),
                        ownerUser, ownerPassword), MigratingDataSource.class.getClassLoader());
                migrated = true;
            } catch (DatabaseSetupException e) {
                LOG.severe("EventOS cannot start: " + e.getMessage());
                throw new SQLException(e.getMessage(), "08000", e);
            } catch (RuntimeException e) {
                LOG.severe("EventOS cannot start: the database migration failed: " + e.getMessage());
                throw new SQLException("The database migration failed", "08000", e);
            }
        }
    }

    /** The URL the user configured (EVENTOS_DB_URL), without the driver properties this class adds. */
    private String jdbcUrlWithoutProperties() {
        String url = getUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
