package io.eventos.account.web.organizer;

import io.eventos.testing.Poll;
import io.eventos.testing.RawHttp;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import io.eventos.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions end when the password is reset or changed, or the user is disabled (issue 13, finding 5): the other
 * browsers of the user are sent to sign-in on their very next request, with a sentence saying why; the session in
 * which the user changed their own password stays. Each browser is a plain HTTP client with its own cookies (and
 * loopback address); every test signs in as a user of its own, a viewer of the demo account until the test ends.
 * (A member removed from the team: TeamAndAuditIT.)
 */
class SessionEndIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Pattern RESET_LINK = Pattern.compile("(/reset-password\\.xhtml\\?token=[A-Za-z0-9_-]+)");
    private static final String ENDED = "You were signed out: your password or your access changed. "
            + "Sign in again to continue.";
    private static final String NEW_PASSWORD = "lighthouse-orchard-7315";

    private URI base;
    private TestMail mail;

    @BeforeEach
    void open() {
        base = TestServer.baseUri();
        mail = TestServer.mail();
    }

    @Test
    void aPasswordResetSendsEverySignedInBrowserOfTheUserToSignInOnItsNextRequest() {
        String user = TestUsers.createDemoViewer("reset-sessions");
        try {
            RawHttp laptop = signedIn("127.0.0.71", user, TestUsers.PASSWORD);
            RawHttp phone = signedIn("127.0.0.72", user, TestUsers.PASSWORD);

            RawHttp forgetful = new RawHttp(base, "127.0.0.73");
            RawHttp.Response asked = TestUsers.post(forgetful, "/forgot-password.xhtml", "forgot-form",
                    Map.of("forgot-form:email", user, "forgot-form:send", "Send the link"), Map.of());
            assertEquals(302, asked.status());
            Matcher link = RESET_LINK.matcher(TestMail.text(mail.awaitMessageTo(user, 0, MAIL_WAIT)));
            assertTrue(link.find(), "a reset link");
            RawHttp.Response reset = TestUsers.post(forgetful, link.group(1), "reset-form", Map.of(
                    "reset-form:password", NEW_PASSWORD, "reset-form:repeat", NEW_PASSWORD,
                    "reset-form:save", "Change the password"), Map.of());
            assertEquals("/login.xhtml", TestUsers.pathOf(reset.header("Location")), reset.body());

            RawHttp.Response next = laptop.get("/app/events.xhtml", Map.of());
            assertEquals(302, next.status(), "the laptop's next request");
            assertEquals("/login.xhtml?ended=1&next=%2Fapp%2Fevents.xhtml", TestUsers.pathOf(next.header("Location")));
            String signInPage = laptop.get(TestUsers.pathOf(next.header("Location")), Map.of()).body();
            assertTrue(TestUsers.text(signInPage).contains(ENDED), "the sign-in page says why");
            assertEquals(302, laptop.get("/app/", Map.of()).status(), "and stays signed out");

            RawHttp.Response ajax = phone.get("/app/", Map.of("Faces-Request", "partial/ajax"));
            assertEquals(200, ajax.status(), "an AJAX request of the phone gets a Faces redirect");
            assertTrue(ajax.body().contains("<redirect url=\"/login.xhtml?ended=1"), ajax.body());
            assertEquals(302, phone.get("/app/", Map.of()).status());

            assertTrue(TestUsers.signIn(new RawHttp(base, "127.0.0.71"), user, NEW_PASSWORD).contains("/app/"),
                    "the new password signs in");
        } finally {
            TestUsers.leaveDemo(user);
        }
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsAndKeepsTheOneItWasMadeIn() {
        String user = TestUsers.createDemoViewer("change-sessions");
        try {
            RawHttp here = signedIn("127.0.0.74", user, TestUsers.PASSWORD);
            RawHttp elsewhere = signedIn("127.0.0.75", user, TestUsers.PASSWORD);

            RawHttp.Response wrong = changePassword(here, "not-my-password-at-all");
            assertEquals(200, wrong.status());
            assertTrue(TestUsers.text(wrong.body()).contains("This is not your current password. Try again."),
                    "said next to the field");
            assertEquals(200, elsewhere.get("/app/", Map.of()).status(), "a refused change ends nothing");

            RawHttp.Response changed = changePassword(here, TestUsers.PASSWORD);
            assertEquals(200, changed.status());
            assertEquals("Your password was changed. You stay signed in here; everywhere else you were signed out.",
                    TestUsers.messages(changed.body()));

            assertEquals(200, here.get("/app/", Map.of()).status(), "the session it was made in stays");
            assertEquals(200, here.get("/app/security.xhtml", Map.of()).status());
            RawHttp.Response other = elsewhere.get("/app/", Map.of());
            assertEquals(302, other.status(), "the other session ends");
            assertTrue(TestUsers.pathOf(other.header("Location")).startsWith("/login.xhtml?ended=1"));
            assertTrue(TestUsers.signIn(new RawHttp(base, "127.0.0.75"), user, NEW_PASSWORD).contains("/app/"));
        } finally {
            TestUsers.leaveDemo(user);
        }
    }

    /**
     * A user disabled outside this instance (by another instance of a cluster, or an operator in the database):
     * their session ends within the few seconds the instance keeps a user's generation.
     */
    @Test
    void aDisabledUsersSessionEndsWithinSeconds() throws InterruptedException {
        String user = TestUsers.createDemoViewer("disabled-session");
        try {
            RawHttp browser = signedIn("127.0.0.77", user, TestUsers.PASSWORD);
            TestUsers.update("update users set status = 'disabled' where email = ?", user);
            // the generation is cached for 5 s
            RawHttp.Response next = Poll.until("signed out", Duration.ofSeconds(30), Duration.ofMillis(250), () -> {
                RawHttp.Response page = browser.get("/app/", Map.of());
                return page.status() == 200 ? null : page;
            });
            assertEquals(302, next.status(), "signed out within 30 s");
            assertTrue(TestUsers.pathOf(next.header("Location")).startsWith("/login.xhtml?ended=1"));
        } finally {
            TestUsers.update("update users set status = 'active' where email = ?", user);
            TestUsers.leaveDemo(user);
        }
    }

    private RawHttp signedIn(String from, String email, String password) {
        RawHttp client = new RawHttp(base, from);
        String landing = TestUsers.signIn(client, email, password);
        assertTrue(landing.contains("/app/"), landing);
        assertEquals(200, client.get("/app/", Map.of()).status(), "signed in");
        return client;
    }

    private static RawHttp.Response changePassword(RawHttp client, String current) {
        return TestUsers.post(client, "/app/security.xhtml", "password-form", Map.of(
                "password-form:current", current, "password-form:password", NEW_PASSWORD,
                "password-form:repeat", NEW_PASSWORD, "password-form:change-password", "Change password"), Map.of());
    }
}
