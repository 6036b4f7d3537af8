package io.eventos.platform.persistence;

import java.sql.SQLException;

/**
 * The connection settings EventOS needs, with the names users set them by. Shared by the application's start-up
 * migration and the development launcher, so both explain a bad setting in the same plain words.
 */
public record DatabaseSettings(String url, String appUser, String appPassword, String ownerUser, String ownerPassword) {

    public DatabaseSettings {
        require(url, "EVENTOS_DB_URL");
        require(appUser, "EVENTOS_DB_USER");
        require(ownerUser, "EVENTOS_DB_OWNER_USER");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new DatabaseSetupException("EVENTOS_DB_URL must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/eventos, not '" + url + "'.");
        }
        if (appUser.equals(ownerUser)) {
            throw new DatabaseSetupException("EVENTOS_DB_USER and EVENTOS_DB_OWNER_USER are both '" + appUser
                    + "': the application must connect as a role that does not own the tables, or row level security "
                    + "would not protect tenants from each other.");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new DatabaseSetupException(name + " is empty; set it (see README.md, Configuration).");
        }
    }

    /** One sentence naming the setting that is most likely wrong, for a connection made as the owner or the app. */
    public String explain(SQLException e, boolean asOwner) {
        String user = asOwner ? ownerUser : appUser;
        String userVar = asOwner ? "EVENTOS_DB_OWNER_USER" : "EVENTOS_DB_USER";
        String passwordVar = asOwner ? "EVENTOS_DB_OWNER_PASSWORD" : "EVENTOS_DB_PASSWORD";
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "PostgreSQL refused the login of " + userVar + "=" + user + " at EVENTOS_DB_URL=" + url
                    + " (" + firstLine(e) + "); check " + userVar + " and " + passwordVar + ".";
        }
        if (state.equals("3D000")) {
            return "The database named in EVENTOS_DB_URL=" + url + " does not exist; create it or fix the URL.";
        }
        if (state.startsWith("08")) {
            return "No PostgreSQL answers at EVENTOS_DB_URL=" + url + " (" + firstLine(e)
                    + "); start the server or fix the host and port.";
        }
        return "The database at EVENTOS_DB_URL=" + url + " refused " + userVar + "=" + user + ": " + firstLine(e);
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
