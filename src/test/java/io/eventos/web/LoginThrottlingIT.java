package io.eventos.web;

import io.eventos.testing.Browser;
import io.eventos.testing.RawHttp;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated wrong passwords slow sign-in down and then lock the account for 15 minutes, even against the right
 * password; the lock expires. The passage of time is simulated by moving {@code locked_until} in the database.
 * Uses the demo manager, whom no other test signs in as.
 */
class LoginThrottlingIT {

    private static final String EMAIL = "manager@demo.eventos.test";
    private static final String PASSWORD = "demo-manager-2026";

    private URI base;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        base = TestServer.baseUri();
        browser = Browser.open();
    }

    @AfterEach
    void close() throws SQLException {
        browser.quit();
        sql("update users set locked_until = null, failed_login_count = 0 where email = ?");
    }

    @Test
    void failuresSlowDownThenLockEvenTheRightPasswordUntilTheLockExpires() throws SQLException {
        assertThat(attempt("wrong-1")).contains("do not match");
        assertThat(attempt("wrong-2")).contains("do not match");
        assertThat(attempt("wrong-3")).contains("do not match");
        assertThat(secondsUntilUnlocked()).as("the 3rd failure makes the next try wait two seconds")
                .isNotNull().isLessThanOrEqualTo(2.5);
        // "right after": stretch the short wait so a slow machine cannot outlast it between two page loads
        sql("update users set locked_until = locked_until + interval '1 minute' where email = ?");
        assertThat(attempt("wrong-4")).as("the 4th try right after the 3rd waits")
                .contains("signing in is paused", "try again in");
        assertThat(failures()).as("a refused-while-waiting try is not counted").isEqualTo(3);

        sql("update users set locked_until = null where email = ?"); // the short wait is over
        assertThat(attempt("wrong-4")).contains("do not match");
        sql("update users set locked_until = null where email = ?");
        assertThat(attempt("wrong-5")).contains("signing in is paused", "in 15 minutes");

        assertThat(attempt(PASSWORD)).as("locked: even the right password").contains("signing in is paused");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
        assertThat(failures()).isEqualTo(5);

        sql("update users set locked_until = now() - interval '1 second' where email = ?"); // 15 minutes later
        attempt(PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("/app/");
        assertThat(failures()).as("a success starts counting afresh").isZero();
        assertThat(auditActions()).contains("login.failed", "login.locked", "login.succeeded");
    }

    /**
     * 20 failures from one address lock that address, whatever X-Forwarded-For, Forwarded or X-Real-IP it sends: they
     * are written by the client itself. The client here connects from a loopback address of its own, so the lock
     * does not reach the other tests (which connect from 127.0.0.1).
     */
    @Test
    void forgedForwardingHeadersDoNotEscapeThePerAddressLimit() {
        RawHttp client = new RawHttp(base, "127.0.0.23");
        for (int i = 1; i <= 20; i++) {
            String forged = "203.0.113." + i;
            assertThat(rawAttempt(client, "nobody-" + i + "@guessing.example", Map.of("X-Forwarded-For", forged,
                    "Forwarded", "for=" + forged, "X-Real-IP", forged)))
                    .as("failure %d", i).contains("do not match");
        }
        assertThat(rawAttempt(client, "nobody-21@guessing.example", Map.of("X-Forwarded-For", "198.51.100.99")))
                .as("the 21st try from the same connection address, with yet another forged one")
                .contains("signing in is paused", "in 15 minutes");
    }

    /**
     * Behind a trusted reverse proxy (EVENTOS_TRUSTED_PROXIES; the test server trusts {@link TestServer#TRUSTED_PROXY})
     * the client is the right-most address in X-Forwarded-For that is not a proxy: what the client prepended itself
     * does not count, the limit applies to the client and not to the proxy, and the audit log names the client.
     */
    @Test
    void behindATrustedProxyTheLimitAndTheAuditLogFollowTheForwardedClient() throws SQLException {
        RawHttp proxy = new RawHttp(base, TestServer.TRUSTED_PROXY);
        for (int i = 1; i <= 20; i++) {
            // the client sent "X-Forwarded-For: 203.0.113.i"; the proxy appended the address it saw
            assertThat(rawAttempt(proxy, "nobody-" + i + "@guessing.example",
                    Map.of("X-Forwarded-For", "203.0.113." + i + ", 198.51.100.7")))
                    .as("failure %d", i).contains("do not match");
        }
        assertThat(rawAttempt(proxy, "nobody-21@guessing.example", Map.of("X-Forwarded-For", "198.51.100.7")))
                .as("the forwarded client is locked").contains("signing in is paused");
        assertThat(rawAttempt(proxy, EMAIL, Map.of("X-Forwarded-For", "198.51.100.8")))
                .as("another client behind the same proxy is not").contains("do not match");
        assertThat(lastFailureAddresses()).as("the audit log's \"from where\"")
                .isEqualTo("198.51.100.8 198.51.100.8");
    }

    /** One sign-in over a plain socket with these extra headers; the message next to the password. */
    private String rawAttempt(RawHttp http, String email, Map<String, String> headers) {
        RawHttp.Response page = http.get("/login.xhtml", headers);
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "login-form"));
        form.put("login-form:email", email);
        form.put("login-form:password", "not-the-password");
        form.put("login-form:sign-in", "Sign in");
        RawHttp.Response answer = http.post("/login.xhtml", form, headers);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        java.util.regex.Matcher message = java.util.regex.Pattern
                .compile("id=\"login-form:password-message\"[^>]*>(.*?)</", java.util.regex.Pattern.DOTALL)
                .matcher(answer.body());
        return message.find() ? message.group(1) : "";
    }

    /** The address of the newest audited failure of the manager: column ip and the entry's "address". */
    private String lastFailureAddresses() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement query = db.prepareStatement("""
                     select host(a.ip) || ' ' || (a.after ->> 'address') from audit_log a
                     join users u on u.id = a.subject_id
                     where u.email = ? and a.action = 'login.failed' order by a.occurred_at desc limit 1""")) {
            query.setString(1, EMAIL);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String attempt(String password) {
        browser.get(base + "/login.xhtml");
        Browser.submitSignIn(browser, EMAIL, password);
        var messages = browser.findElements(By.id("login-form:password-message"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }

    private int failures() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement query = db.prepareStatement("select failed_login_count from users where email = ?")) {
            query.setString(1, EMAIL);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Seconds from now until the wait or lock ends (negative once over), or null if none was set. */
    private Double secondsUntilUnlocked() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement query = db.prepareStatement(
                     "select extract(epoch from locked_until - now()) from users where email = ?")) {
            query.setString(1, EMAIL);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                double seconds = rs.getDouble(1);
                return rs.wasNull() ? null : seconds;
            }
        }
    }

    private String auditActions() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement query = db.prepareStatement("""
                     select string_agg(a.action, ',') from audit_log a join users u on u.id = a.subject_id
                     where u.email = ? and a.action like 'login.%'""")) {
            query.setString(1, EMAIL);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return String.valueOf(rs.getString(1));
            }
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement update = db.prepareStatement(statement)) {
            update.setString(1, EMAIL);
            update.executeUpdate();
        }
    }
}
