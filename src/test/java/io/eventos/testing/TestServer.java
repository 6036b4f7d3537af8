package io.eventos.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.eventos.devserver.PayaraProcess;
import io.eventos.platform.persistence.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged WAR running on a plain Payara Micro process against the test database, with the demo account
 * loaded: started once per test JVM (a boot costs ~20 s) and shared by every HTTP and browser test. Its mail goes
 * over SMTP to a GreenMail server started with it ({@link #mail()}).
 */
public final class TestServer {

    /** The address the test server trusts as a reverse proxy (a loopback address of its own; Linux routes 127/8). */
    public static final String TRUSTED_PROXY = "127.0.0.9";

    private static PayaraProcess instance;
    private static TestMail mail;

    private TestServer() {
    }

    public static synchronized URI baseUri() {
        if (instance == null) {
            instance = start();
        }
        return instance.baseUri();
    }

    /** The test server's console log (starts the test server if needed). */
    public static synchronized java.nio.file.Path log() {
        baseUri();
        return instance.log();
    }

    /** The SMTP server that received the test server's mail (starts the test server if needed). */
    public static synchronized TestMail mail() {
        baseUri();
        return mail;
    }

    /**
     * The environment every server of the packaged WAR that the tests and benchmarks start begins with: the
     * database's two roles, the demo data, and a fixed secret key (test runs only).
     */
    public static Map<String, String> environment(DatabaseSettings settings, String secretKey) {
        Map<String, String> env = new HashMap<>();
        env.put("EVENTOS_DB_URL", settings.url());
        env.put("EVENTOS_DB_USER", settings.appUser());
        env.put("EVENTOS_DB_PASSWORD", settings.appPassword());
        env.put("EVENTOS_DB_OWNER_USER", settings.ownerUser());
        env.put("EVENTOS_DB_OWNER_PASSWORD", settings.ownerPassword());
        env.put("EVENTOS_DEMO", "true");
        env.put("EVENTOS_SECRET_KEY", secretKey);
        return env;
    }

    /** Adds to {@code env} what sends the server's mail to {@code smtp} and names it in links as 127.0.0.1:port. */
    public static Map<String, String> withMailAndAddress(Map<String, String> env, GreenMail smtp, int port) {
        env.put("EVENTOS_SMTP_HOST", "127.0.0.1");
        env.put("EVENTOS_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("EVENTOS_SMTP_TLS", "none");
        // links in emails and on public pages name this server, whatever Host header a request sends
        env.put("EVENTOS_BASE_URL", "http://127.0.0.1:" + port);
        return env;
    }

    /**
     * Starts the packaged WAR (Failsafe names it and the Payara Micro jar) with {@code env} on {@code port}, its
     * console in {@code log}, and waits until it is ready; fails with the server's last error otherwise.
     */
    public static PayaraProcess startPayara(Map<String, String> env, int port, Path log)
            throws IOException, InterruptedException {
        PayaraProcess payara = PayaraProcess.start(
                Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("eventos.it.war", "target/eventos.war")),
                port, env, log, System.out::println);
        if (!payara.awaitReady(Duration.ofMinutes(6))) { // generous: a busy 2-core machine boots slowly
            payara.close();
            throw new IllegalStateException("The server did not become ready: " + payara.lastError()
                    + " (log: " + log + ")");
        }
        return payara;
    }

    private static PayaraProcess start() {
        var database = TestDatabase.get();
        Map<String, String> env = environment(database.settings(), System.getenv().getOrDefault("EVENTOS_SECRET_KEY",
                "dGVzdC1vbmx5LWtleS1mb3ItZXZlbnRvcy10ZXN0cyE="));
        GreenMail smtp = startSmtp();
        mail = new TestMail(smtp);
        Path workDir = Path.of(System.getProperty("eventos.it.workDir", "target/it"));
        int port = Integer.getInteger("eventos.it.httpPort", 0);
        try {
            Files.createDirectories(workDir);
            if (port == 0) {
                try (var socket = new java.net.ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
            }
            withMailAndAddress(env, smtp, port);
            // the weekly summary job looks every 5 s (not 5 min): WeeklySummaryUnsubscribeIT waits for its email
            env.put("EVENTOS_WEEKLY_SUMMARY_EVERY_SECONDS", "5");
            // an event page's data leaves memory 15 s after it was read (no stale answers while it is read again):
            // PublicPageRenderingsIT then sees the rendering kept in the database answer
            env.put("EVENTOS_PUBLIC_PAGE_STALE_SECONDS", "0");
            // a second loopback address stands for a reverse proxy (LoginThrottlingIT); nothing else connects from it
            env.put("EVENTOS_TRUSTED_PROXIES", TRUSTED_PROXY);
            PayaraProcess payara = startPayara(env, port, workDir.resolve("test-server.log"));
            Runtime.getRuntime().addShutdownHook(new Thread(payara::close, "test-server-stop"));
            return payara;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startSmtp() {
        try {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "test-smtp-stop"));
            return smtp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
