package io.eventos.web;

import io.eventos.testing.Browser;
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
