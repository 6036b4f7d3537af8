package io.eventos.platform.limits;

import io.eventos.testing.RawHttp;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import io.eventos.testing.TestUsers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forms anyone can use to make EventOS send an email — password reset, "find my orders", sign-up — are limited
 * per target email (silently: the answer stays the same neutral sentence, the email is just not sent again) and per
 * client address (visibly: "Too many attempts — try again in N minutes", nothing typed lost), and sign-up answers a
 * registered email exactly like a new one (issue 13, finding 4). Each test connects from a loopback address of its
 * own, so the per-address counts of one test (kept in the test server's memory) never reach another; the target
 * emails are the test's own too.
 */
class AbuseLimitsIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static final String RESET_SENT = "If an account exists for that address, we sent a link to reset the "
            + "password. It works for one hour.";
    private static final String ORDERS_SENT = "If you ordered with this address, we sent the links to your orders there.";
    private static final Pattern RESET_LINK = Pattern.compile("/reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern TOO_MANY = Pattern.compile("Too many attempts — try again in \\d+ minutes\\.");

    private URI base;
    private TestMail mail;

    @BeforeEach
    void open() {
        base = TestServer.baseUri();
        mail = TestServer.mail();
    }

    @Test
    void theFourthResetEmailToOneAddressWithinTheHourIsNotSentAndThePageAnswersTheSame() throws Exception {
        String user = TestUsers.create("reset-flood");
        RawHttp flooder = new RawHttp(base, "127.0.0.61");
        String lastLink = null;
        for (int i = 1; i <= 3; i++) {
            assertEquals(RESET_SENT, askForReset(flooder, user), "answer " + i);
            lastLink = resetTokenIn(mail.awaitMessageTo(user, i - 1, MAIL_WAIT));
        }
        assertEquals(RESET_SENT, askForReset(flooder, user), "the 4th answer is the same sentence");

        awaitABarrierMail(flooder);
        assertEquals(3, mail.messagesTo(user).size(), "no 4th email");
        assertEquals(1, TestUsers.queryLong("""
                select count(*) from password_resets r join users u on u.id = r.user_id
                where u.email = ? and r.used_at is null""", user), "one open link");
        assertEquals(sha256Hex(lastLink), openResetTokenHash(user),
                "the 4th request made no new link: the 3rd email's link still works");
    }

    @Test
    void aClientAskingForResetLinksTooOftenIsToldToWaitAndKeepsWhatItTyped() {
        RawHttp client = new RawHttp(base, "127.0.0.62");
        for (int i = 1; i <= 10; i++) {
            assertEquals(RESET_SENT, askForReset(client, "nobody-" + i + "-" + System.nanoTime() + "@example.test"),
                    "request " + i);
        }
        String typed = "someone-" + System.nanoTime() + "@example.test";
        RawHttp.Response refused = TestUsers.post(client, "/forgot-password.xhtml", "forgot-form",
                Map.of("forgot-form:email", typed, "forgot-form:send", "Send the link"), Map.of());
        assertEquals(200, refused.status(), "a page, not an error");
        assertTrue(TOO_MANY.matcher(TestUsers.messages(refused.body())).matches(), TestUsers.messages(refused.body()));
        assertTrue(refused.body().contains("value=\"" + typed + "\""), "the address stays in the field");
        assertEquals(RESET_SENT, askForReset(new RawHttp(base, "127.0.0.162"), typed),
                "another client is not affected");
    }

    @Test
    void findMyOrdersSendsOneEmailAtMostThreeTimesAnHourAndLimitsEachClient() throws Exception {
        String buyer = aDemoBuyerNoOtherTestAsksFor();
        int seen = mail.messagesTo(buyer).size();
        RawHttp flooder = new RawHttp(base, "127.0.0.63");
        for (int i = 1; i <= 3; i++) {
            assertEquals(ORDERS_SENT, findOrders(flooder, buyer).answer(), "answer " + i);
            mail.awaitMessageTo(buyer, seen + i - 1, MAIL_WAIT);
        }
        assertEquals(ORDERS_SENT, findOrders(flooder, buyer).answer(), "the 4th answer is the same sentence");
        awaitABarrierMail(flooder);
        assertEquals(seen + 3, mail.messagesTo(buyer).size(), "no 4th email");

        RawHttp client = new RawHttp(base, "127.0.0.64");
        for (int i = 1; i <= 10; i++) {
            assertEquals(ORDERS_SENT, findOrders(client, "nobody-" + i + "-" + System.nanoTime() + "@example.test")
                    .answer(), "request " + i);
        }
        String typed = "someone-" + System.nanoTime() + "@example.test";
        FindOrders refused = findOrders(client, typed);
        assertEquals(200, refused.response().status());
        assertTrue(TOO_MANY.matcher(refused.answer()).matches(), refused.answer());
        assertTrue(refused.response().body().contains("value=\"" + typed + "\""), "the address stays in the field");
    }

    /**
     * A registered email gets exactly the answer a new one gets — the same redirect to the sign-in page, the same
     * sentence there — and nothing is created; its owner is told by email, with links to this server (not to the
     * forged Host of the request).
     */
    @Test
    void signUpWithARegisteredEmailIsAnsweredExactlyLikeANewOneAndTheOwnerIsTold() throws Exception {
        String owner = TestUsers.create("taken");
        String fresh = "fresh-" + Long.toString(System.nanoTime(), 36) + "@example.test";
        Map<String, String> forged = Map.of("Host", "evil.example");
        long accountsBefore = countAccounts();

        SignUp forNew = signUp(new RawHttp(base, "127.0.0.65"), fresh, "Fresh Org", forged);
        SignUp forTaken = signUp(new RawHttp(base, "127.0.0.65"), owner, "Fresh Org", forged);

        assertEquals(302, forNew.redirect().status());
        assertEquals(forNew.redirect().status(), forTaken.redirect().status());
        assertEquals(TestUsers.pathOf(forNew.redirect().header("Location")),
                TestUsers.pathOf(forTaken.redirect().header("Location")));
        assertEquals("/login.xhtml", TestUsers.pathOf(forNew.redirect().header("Location")));
        assertEquals(forNew.answer().replace(fresh, "EMAIL"), forTaken.answer().replace(owner, "EMAIL"));
        assertEquals("Thank you. We sent an email to " + fresh + ": open the link in it to confirm your address. "
                + "Then sign in with your new password.", forNew.answer());
        assertTrue(forTaken.signInPage().contains("value=\"" + owner + "\""), "the sign-in form has the address");
        assertFalse(forTaken.signInPage().contains("exists"), "no word of an existing account");
        assertEquals(accountsBefore + 1, countAccounts(), "one account: the new email's");

        String told = TestMail.text(mail.awaitMessageTo(owner, 0, MAIL_WAIT));
        assertTrue(told.contains("tried to create a new EventOS account with your email address " + owner), told);
        assertTrue(told.contains("Sign in: " + base + "/login.xhtml"), told);
        assertTrue(told.contains(base + "/forgot-password.xhtml"), told);
        assertFalse(told.contains("evil.example"), told);
        assertTrue(TestMail.text(mail.awaitMessageTo(fresh, 0, MAIL_WAIT)).contains(base + "/verify-email.xhtml"),
                "the new email gets its confirmation link");
    }

    /** 10 sign-ups from one address; the 11th is refused with everything but the password kept. */
    @Test
    void aClientSigningUpTooOftenIsToldToWaitAndTheOwnerIsToldThreeTimesAtMost() throws Exception {
        String owner = TestUsers.create("taken-often");
        RawHttp client = new RawHttp(base, "127.0.0.66");
        for (int i = 1; i <= 10; i++) {
            assertEquals(302, signUp(client, owner, "Org " + i, Map.of()).redirect().status(), "sign-up " + i);
        }
        RawHttp.Response refused = TestUsers.post(client, "/signup.xhtml", "signup-form", Map.of(
                "signup-form:name", "Tilly Tries", "signup-form:email", owner, "signup-form:password",
                "harbour-lantern-4821", "signup-form:organization", "Eleventh Org", "signup-form:create",
                "Create the account"), Map.of());
        assertEquals(200, refused.status());
        assertTrue(TOO_MANY.matcher(TestUsers.messages(refused.body())).matches(), TestUsers.messages(refused.body()));
        assertTrue(refused.body().contains("value=\"Tilly Tries\""), "the name stays");
        assertTrue(refused.body().contains("value=\"Eleventh Org\""), "the organization stays");
        assertTrue(refused.body().contains("value=\"" + owner + "\""), "the email stays");

        mail.awaitMessageTo(owner, 2, MAIL_WAIT);
        awaitABarrierMail(new RawHttp(base, "127.0.0.166"));
        assertEquals(3, mail.messagesTo(owner).size(), "the owner is told three times within the hour, no more");
    }

    private record SignUp(RawHttp.Response redirect, String signInPage, String answer) {
    }

    /** Signs up with a valid form and follows the redirect to the page that answers. */
    private SignUp signUp(RawHttp client, String email, String organization, Map<String, String> headers) {
        RawHttp.Response redirect = TestUsers.post(client, "/signup.xhtml", "signup-form", Map.of(
                "signup-form:name", "Tilly Tries", "signup-form:email", email, "signup-form:password",
                "harbour-lantern-4821", "signup-form:organization", organization, "signup-form:create",
                "Create the account"), headers);
        if (redirect.status() != 302) {
            return new SignUp(redirect, redirect.body(), TestUsers.messages(redirect.body()));
        }
        RawHttp.Response page = client.get(TestUsers.pathOf(redirect.header("Location")), headers);
        return new SignUp(redirect, page.body(), TestUsers.messages(page.body()));
    }

    /** Asks for a reset link; the sentence the page answers with (after its redirect). */
    private static String askForReset(RawHttp client, String email) {
        RawHttp.Response sent = TestUsers.post(client, "/forgot-password.xhtml", "forgot-form",
                Map.of("forgot-form:email", email, "forgot-form:send", "Send the link"), Map.of());
        if (sent.status() != 302) {
            return TestUsers.messages(sent.body());
        }
        return TestUsers.messages(client.get(TestUsers.pathOf(sent.header("Location")), Map.of()).body());
    }

    private record FindOrders(RawHttp.Response response, String answer) {
    }

    private static FindOrders findOrders(RawHttp client, String email) {
        RawHttp.Response answer = TestUsers.post(client, "/e/demo/orders/find", "find-form",
                Map.of("find-form:email", email, "find-form:send", "Send me the links"), Map.of());
        return new FindOrders(answer, TestUsers.messages(answer.body()));
    }

    /**
     * Mail leaves after the commit, taken by the mail threads from one queue in the order of the commits: once a
     * reset email asked for after the requests under test has arrived, anything those requests sent is on its way
     * or there. Waiting for it instead of sleeping.
     */
    private void awaitABarrierMail(RawHttp client) {
        String barrier = TestUsers.create("barrier");
        assertEquals(RESET_SENT, askForReset(client, barrier));
        mail.awaitMessageTo(barrier, 0, MAIL_WAIT);
    }

    private static String resetTokenIn(MimeMessage message) {
        Matcher link = RESET_LINK.matcher(TestMail.text(message));
        assertTrue(link.find(), "a reset link in the email");
        return link.group(1);
    }

    private static String openResetTokenHash(String email) throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             var query = db.prepareStatement("""
                     select r.token_hash from password_resets r join users u on u.id = r.user_id
                     where u.email = ? and r.used_at is null""")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private static String sha256Hex(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static long countAccounts() throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             ResultSet rows = db.createStatement().executeQuery("select count(*) from accounts")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * A demo buyer no other test asks "find my orders" for (each address gets 3 such emails an hour): EmailLinksIT
     * takes the buyer of the first order, EveryViewIT the first buyer of the summit; this the buyer who ordered last.
     */
    private static String aDemoBuyerNoOtherTestAsksFor() throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             ResultSet rows = db.createStatement().executeQuery("""
                     select o.buyer_email from orders o join accounts a on a.id = o.account_id
                     where a.slug = 'demo' group by o.buyer_email order by min(o.placed_at) desc limit 1""")) {
            assertTrue(rows.next(), "a second demo buyer");
            return rows.getString(1);
        }
    }
}
