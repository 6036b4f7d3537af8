package io.eventos.account.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.BrowserTest.BrowsersOnDemand;
import io.eventos.testing.RawHttp;
import io.eventos.testing.TestServer;
import io.eventos.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.eventos.testing.TestDatabase.execute;
import static io.eventos.testing.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling (issue 13, finding 6): wrong passwords make the address they come from wait longer and longer
 * for that account (2 s, 4 s, 8 s, ...), never the account itself, so its owner signs in from their own address at
 * any time; many failures from many addresses make the account wait only for addresses it has not signed in from.
 * The passage of time is simulated by moving the waits in the database. Uses the demo manager, whom no other test
 * signs in as; the guessers connect from loopback addresses of their own.
 */
@BrowsersOnDemand
class LoginThrottlingIT extends BrowserTest {

    private static final String EMAIL = "manager@demo.eventos.test";
    private static final String PASSWORD = "demo-manager-2026";
    private static final String GUESSER = "127.0.0.51";

    /**
     * Before each test too: the demo manager is shared with the other browser tests, and failed sign-ins another class
     * left on the account (its account-wide count) would pause the owner's own sign-in here.
     */
    @BeforeEach
    void startClean() {
        restore();
    }

    @AfterEach
    void restore() {
        sql("update users set locked_until = null, failed_login_count = 0 where email = ?");
        sql("delete from sign_in_addresses where email = ?");
    }

    @Test
    void wrongPasswordsSlowTheirAddressDownMoreAndMoreWhileTheOwnerSignsInFromTheirOwn() {
        RawHttp guesser = new RawHttp(base, GUESSER);
        assertThat(rawAttempt(guesser, EMAIL, Map.of())).endsWith("Check both and try again.");
        assertThat(rawAttempt(guesser, EMAIL, Map.of())).endsWith("Check both and try again.");
        assertThat(secondsUntilTheGuesserMayTryAgain()).as("two failures cost nothing").isNull();
        assertThat(rawAttempt(guesser, EMAIL, Map.of())).endsWith("Check both and try again in 2 seconds.");
        assertThat(secondsUntilTheGuesserMayTryAgain()).isBetween(1.0, 2.5);
        // "right after": stretch the short wait so a slow machine cannot outlast it between two requests
        sql("update sign_in_addresses set wait_until = wait_until + interval '1 minute' where email = ?");
        assertThat(rawAttempt(guesser, EMAIL, Map.of())).as("a try while waiting is not even checked")
                .contains("signing in is paused", "try again in");
        assertThat(guesserFailures()).as("and not counted").isEqualTo(3);

        sql("update sign_in_addresses set wait_until = null where email = ?"); // the wait is over
        assertThat(rawAttempt(guesser, EMAIL, Map.of())).endsWith("try again in 4 seconds.");
        assertThat(secondsUntilTheGuesserMayTryAgain()).isBetween(3.0, 4.5);
        sql("update sign_in_addresses set wait_until = null where email = ?");
        assertThat(rawAttempt(guesser, EMAIL, Map.of())).endsWith("try again in 8 seconds.");
        assertThat(secondsUntilTheGuesserMayTryAgain()).as("the delays grow").isBetween(7.0, 8.5);
        assertThat(guesserFailures()).isEqualTo(5);

        // 15 minutes of waiting for the guesser: even the right password is not looked at from there ...
        sql("update sign_in_addresses set wait_until = now() + interval '15 minutes' where email = ?");
        RawHttp guesserWithThePassword = new RawHttp(base, GUESSER);
        assertThat(attemptWithPassword(guesserWithThePassword, PASSWORD)).contains("signing in is paused");
        // ... while the owner, in a browser on their own address, signs in at once
        ChromeDriver owner = anotherBrowser();
        owner.get(base + "/login.xhtml");
        Browser.submitSignIn(owner, EMAIL, PASSWORD);
        assertThat(owner.getCurrentUrl()).contains("/app/");
        assertThat(auditActions()).contains("login.failed", "login.succeeded");
    }

    @Test
    void failuresFromManyAddressesMakeTheAccountWaitOnlyForAddressesItDoesNotKnow() {
        assertThat(TestUsers.signIn(new RawHttp(base, "127.0.0.1"), EMAIL, PASSWORD)).as("the owner's own address")
                .contains("/app/");
        sql("update users set failed_login_count = 10 where email = ?"); // ten failures from elsewhere
        assertThat(rawAttempt(new RawHttp(base, GUESSER), EMAIL, Map.of())).contains("do not match");
        assertThat(accountFailures()).isEqualTo(11);
        // the account-wide wait that the 11th failure started, stretched so that it surely lasts
        sql("update users set locked_until = now() + interval '10 minutes' where email = ?");

        assertThat(attemptWithPassword(new RawHttp(base, "127.0.0.52"), PASSWORD))
                .as("an address the account never signed in from waits").contains("signing in is paused", "in 10 minutes");
        assertThat(TestUsers.signIn(new RawHttp(base, "127.0.0.1"), EMAIL, PASSWORD))
                .as("the owner's address does not").contains("/app/");
        assertThat(accountFailures()).as("a success starts counting afresh").isZero();
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
    void behindATrustedProxyTheLimitAndTheAuditLogFollowTheForwardedClient() {
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
    private String lastFailureAddresses() {
        List<String> newest = query("""
                select host(a.ip) || ' ' || (a.after ->> 'address') from audit_log a
                join users u on u.id = a.subject_id
                where u.email = ? and a.action = 'login.failed' order by a.occurred_at desc limit 1""", EMAIL);
        return newest.isEmpty() ? null : newest.get(0);
    }

    /** A sign-in with this password from the client: the message next to the password ("" if it signed in). */
    private static String attemptWithPassword(RawHttp http, String password) {
        RawHttp.Response page = http.get("/login.xhtml", Map.of());
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "login-form"));
        form.put("login-form:email", EMAIL);
        form.put("login-form:password", password);
        form.put("login-form:sign-in", "Sign in");
        RawHttp.Response answer = http.post("/login.xhtml", form, Map.of());
        java.util.regex.Matcher message = java.util.regex.Pattern
                .compile("id=\"login-form:password-message\"[^>]*>(.*?)</", java.util.regex.Pattern.DOTALL)
                .matcher(answer.body());
        return message.find() ? message.group(1) : "";
    }

    private int guesserFailures() {
        List<String> failures = query("select failures_in_a_row from sign_in_addresses where email = ? and address = ?",
                EMAIL, GUESSER);
        return failures.isEmpty() ? 0 : Integer.parseInt(failures.get(0));
    }

    private int accountFailures() {
        return Integer.parseInt(query("select failed_login_count from users where email = ?", EMAIL).get(0));
    }

    /** Seconds from now until the guesser's wait ends, or null if none was set. */
    private Double secondsUntilTheGuesserMayTryAgain() {
        List<String> seconds = query("""
                select extract(epoch from wait_until - now()) from sign_in_addresses
                where email = ? and address = ?""", EMAIL, GUESSER);
        return seconds.isEmpty() || seconds.get(0) == null ? null : Double.valueOf(seconds.get(0));
    }

    private String auditActions() {
        return String.valueOf(query("""
                select string_agg(a.action, ',') from audit_log a join users u on u.id = a.subject_id
                where u.email = ? and a.action like 'login.%'""", EMAIL).get(0));
    }

    /** Runs {@code statement} with the manager's address as its one parameter. */
    private static void sql(String statement) {
        execute(statement, EMAIL);
    }
}
