package io.eventos.devserver;

import io.eventos.platform.persistence.DatabaseSettings;
import io.eventos.platform.persistence.DatabaseSetupException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The run command ({@code mvn -Prun}): starts EventOS at http://localhost:8080/ with the demo account.
 * Without EVENTOS_DB_URL it starts an embedded PostgreSQL whose data lives in {@code .data/} and survives restarts;
 * with it, it uses that server. Ctrl-C stops the application server and the embedded database.
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        int httpPort = httpPort(env);
        Path war = Path.of(System.getProperty("eventos.dev.war", "target/eventos.war"));
        Path microJar = Path.of(System.getProperty("eventos.dev.microJar", "target/payara-micro.jar"));
        Path dataDir = Path.of(System.getProperty("eventos.dev.dataDir", ".data"));

        EmbeddedDatabase embedded = null;
        DatabaseSettings settings;
        if (blank(env.get("EVENTOS_DB_URL"))) {
            say("Starting the embedded PostgreSQL (data in " + dataDir.toAbsolutePath().resolve("pg") + ") ...");
            embedded = EmbeddedDatabase.start(dataDir.resolve("pg"), freePort(), false);
            settings = embedded.settings();
            env.put("EVENTOS_DB_URL", settings.url());
            env.put("EVENTOS_DB_USER", settings.appUser());
            env.put("EVENTOS_DB_PASSWORD", settings.appPassword());
            env.put("EVENTOS_DB_OWNER_USER", settings.ownerUser());
            env.put("EVENTOS_DB_OWNER_PASSWORD", settings.ownerPassword());
        } else {
            settings = externalSettings(env);
            if (settings == null) {
                System.exit(2);
                return;
            }
        }
        env.putIfAbsent("EVENTOS_DEMO", "true");
        if (blank(env.get("EVENTOS_BASE_URL"))) {
            env.put("EVENTOS_BASE_URL", "http://localhost:" + httpPort); // links in emails: never the Host header
        }
        if (blank(env.get("EVENTOS_SECRET_KEY"))) {
            env.put("EVENTOS_SECRET_KEY", developmentSecretKey(dataDir));
        }

        EmbeddedDatabase database = embedded;
        PayaraProcess[] server = new PayaraProcess[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (server[0] != null && server[0].isAlive()) {
                say("Stopping EventOS ...");
                server[0].close();
            }
            if (database != null) {
                try {
                    database.close();
                } catch (IOException e) {
                    say("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
        }, "eventos-stop"));

        long started = System.nanoTime();
        Path log = dataDir.resolve("eventos-server.log");
        say("Starting EventOS on port " + httpPort + " (server log: " + log + ") ...");
        server[0] = PayaraProcess.start(microJar, war, httpPort, env, log, DevServer::say);
        if (!server[0].awaitReady(Duration.ofMinutes(5))) {
            say("EventOS did not start"
                    + (server[0].lastError() == null ? "." : ": " + server[0].lastError())
                    + " The full log is " + log + ".");
            System.exit(1);
            return;
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        say("");
        say("EventOS is running at http://localhost:" + httpPort + "/   (ready in " + seconds + " s)");
        say("  Organizer:  http://localhost:" + httpPort + "/app/   sign in as owner@demo.eventos.test / demo-owner-2026");
        say("  Public:     http://localhost:" + httpPort + "/e/demo");
        say("  Check-in:   http://localhost:" + httpPort + "/checkin/");
        if (blank(env.get("EVENTOS_SMTP_HOST"))) {
            say("  Emails:     http://localhost:" + httpPort + "/dev/mail   (no SMTP server: EVENTOS_SMTP_HOST)");
        }
        say("Press Ctrl-C to stop.");
        server[0].awaitExit();
        say("The application server stopped; see " + log + ".");
        System.exit(1);
    }

    private static DatabaseSettings externalSettings(Map<String, String> env) {
        try {
            DatabaseSettings settings = new DatabaseSettings(env.get("EVENTOS_DB_URL"),
                    env.getOrDefault("EVENTOS_DB_USER", EmbeddedDatabase.APP),
                    env.getOrDefault("EVENTOS_DB_PASSWORD", EmbeddedDatabase.APP_PASSWORD),
                    env.getOrDefault("EVENTOS_DB_OWNER_USER", EmbeddedDatabase.OWNER),
                    env.getOrDefault("EVENTOS_DB_OWNER_PASSWORD", EmbeddedDatabase.OWNER_PASSWORD));
            try (var connection = DriverManager.getConnection(settings.url(), settings.ownerUser(),
                    settings.ownerPassword())) {
                say("Using the PostgreSQL server at " + settings.url());
            } catch (SQLException e) {
                say("EventOS cannot start: " + settings.explain(e, true));
                return null;
            }
            return settings;
        } catch (DatabaseSetupException e) {
            say("EventOS cannot start: " + e.getMessage());
            return null;
        }
    }

    private static int httpPort(Map<String, String> env) {
        String value = env.getOrDefault("EVENTOS_HTTP_PORT", "8080");
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            say("EventOS cannot start: EVENTOS_HTTP_PORT='" + value + "' is not a port number (1-65535).");
            System.exit(2);
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (IOException inUse) {
            say("EventOS cannot start: port " + port + " is already in use. Stop what uses it or choose another port "
                    + "with EVENTOS_HTTP_PORT, e.g. EVENTOS_HTTP_PORT=8081 mvn -Prun");
            System.exit(2);
        }
        return port;
    }

    /**
     * The key that encrypts secrets at rest on this laptop: made once, kept next to the embedded data (losing it
     * makes stored secrets such as two-factor keys unreadable). Production sets EVENTOS_SECRET_KEY itself.
     */
    private static String developmentSecretKey(Path dataDir) throws IOException {
        Path file = dataDir.resolve("secret.key");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        Files.createDirectories(dataDir);
        Files.writeString(file, encoded);
        return encoded;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
