package io.eventos.account.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password reset by email, in a real browser, with the mail read from the test SMTP server. Uses the demo member
 * (the other browser tests sign in as the owner, whose password must stay as it is) and gives the member the demo
 * password back afterwards (EveryViewIT signs in as every demo login). One address gets at most 3
 * reset emails an hour (Limits.PASSWORD_RESETS_PER_EMAIL, counted in the test server's memory): these tests ask for
 * exactly 3 for the member, so a further test here needs an address of its own (TestUsers.create).
 */
class PasswordResetIT extends BrowserTest {

    private static final String MEMBER = "member@demo.eventos.test";
    private static final String OLD_PASSWORD = "demo-member-2026";
    private static final String SENT = "If an account exists for that address, we sent a link to reset the password. "
            + "It works for one hour.";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+))");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private TestMail mail;
    private String memberPasswordHash;

    @BeforeEach
    void open() throws Exception {
        mail = TestServer.mail();
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement query = db.prepareStatement("select password_hash from users where email = ?")) {
            query.setString(1, MEMBER);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                memberPasswordHash = rs.getString(1);
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement restore = db.prepareStatement("""
                     update users set password_hash = ?, failed_login_count = 0, locked_until = null
                     where email = ?""")) {
            restore.setString(1, memberPasswordHash);
            restore.setString(2, MEMBER);
            restore.executeUpdate();
        }
    }

    @Test
    void memberResetsThePasswordWithTheLinkFromTheEmail() {
        browser.get(base + "/login.xhtml");
        Browser.submit(browser, By.id("forgot-password"));
        assertThat(browser.getCurrentUrl()).contains("/forgot-password.xhtml");
        String link = requestLink(MEMBER);

        MimeMessage message = mail.messagesTo(MEMBER).get(mail.messagesTo(MEMBER).size() - 1);
        assertThat(TestMail.html(message)).contains("href=\"" + link + "\"");
        assertThat(link).startsWith(base + "/reset-password.xhtml?token=");

        browser.get(link);
        // a common password is refused next to the field
        choosePassword("password123", "password123");
        assertThat(browser.findElement(By.id("reset-form:password-message")).getText())
                .isEqualTo("This password is one of the most common ones; choose one that is harder to guess.");
        assertThat(browser.getCurrentUrl()).contains("/reset-password.xhtml");
        Browser.screenshot(browser, "reset-password-weak");
        // the two fields must agree
        choosePassword("harbour-lantern-4821", "harbour-lantern-4812");
        assertThat(browser.findElement(By.id("reset-form:repeat-message")).getText())
                .contains("not the same");

        choosePassword("harbour-lantern-4821", "harbour-lantern-4821");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
        assertThat(browser.findElement(By.id("messages")).getText())
                .contains("Your password was changed. Sign in with the new one.");
        Browser.screenshot(browser, "reset-password-changed");

        signIn(MEMBER, OLD_PASSWORD);
        assertThat(browser.findElement(By.id("login-form:password-message")).getText()).contains("do not match");
        browser.findElement(By.id("login-form:email")).clear();
        signIn(MEMBER, "harbour-lantern-4821");
        assertThat(browser.getCurrentUrl()).contains("/app/");

        // the same link a second time
        browser.get(link);
        assertThat(browser.findElement(By.id("token-problem-text")).getText())
                .isEqualTo("This link was already used to change the password; each link works once.");
        assertThat(browser.findElements(By.id("reset-form"))).isEmpty();
        Browser.submit(browser, By.id("request-new"));
        assertThat(browser.getCurrentUrl()).contains("/forgot-password.xhtml");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoEmail() {
        String unknown = "nobody-" + System.nanoTime() + "@demo.eventos.test";
        int totalBefore = mail.greenMail().getReceivedMessages().length;
        browser.get(base + "/forgot-password.xhtml");
        browser.findElement(By.id("forgot-form:email")).sendKeys(unknown);
        Browser.submit(browser, By.id("forgot-form:send"));
        String answerForUnknown = browser.findElement(By.id("messages")).getText();
        assertThat(answerForUnknown).isEqualTo(SENT);
        assertThat(browser.findElement(By.id("forgot-form:email")).getAttribute("value")).isEmpty();

        // a registered address afterwards: its mail arrives, and by then nothing went to the unknown one
        requestLink(MEMBER);
        assertThat(browser.findElement(By.id("messages")).getText()).isEqualTo(answerForUnknown);
        assertThat(mail.messagesTo(unknown)).isEmpty();
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(totalBefore + 1);
    }

    @Test
    void anExpiredLinkIsRefusedWithAClearSentence() throws Exception {
        browser.get(base + "/forgot-password.xhtml");
        String link = requestLink(MEMBER);
        String token = tokenOf(link);
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement expire = db.prepareStatement(
                     "update password_resets set expires_at = now() - interval '1 minute' where token_hash = ?")) {
            expire.setString(1, sha256Hex(token));
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }

        browser.get(link);
        assertThat(browser.findElement(By.id("token-problem-text")).getText())
                .isEqualTo("This link to reset your password has expired: links work for one hour.");
        assertThat(browser.findElements(By.id("reset-form"))).isEmpty();
        assertThat(browser.findElement(By.id("request-new")).getAttribute("href")).contains("/forgot-password.xhtml");
        Browser.screenshot(browser, "reset-password-expired");
    }

    @Test
    void aLinkWithAnUnknownTokenIsRefused() {
        browser.get(base + "/reset-password.xhtml?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(browser.findElement(By.id("token-problem-text")).getText()).contains("is not valid");
        browser.get(base + "/reset-password.xhtml");
        assertThat(browser.findElement(By.id("token-problem-text")).getText()).contains("is not valid");
    }

    /** Asks for a reset link on the open forgot-password page and returns the link from the email. */
    private String requestLink(String email) {
        int seen = mail.messagesTo(email).size();
        if (!browser.getCurrentUrl().contains("/forgot-password.xhtml")) {
            browser.get(base + "/forgot-password.xhtml");
        }
        browser.findElement(By.id("forgot-form:email")).sendKeys(email);
        Browser.submit(browser, By.id("forgot-form:send"));
        assertThat(browser.findElement(By.id("messages")).getText()).isEqualTo(SENT);
        MimeMessage message = mail.awaitMessageTo(email, seen, MAIL_WAIT);
        Matcher link = LINK.matcher(TestMail.text(message));
        assertThat(link.find()).as("a reset link in the email").isTrue();
        return link.group(1);
    }

    private void choosePassword(String password, String repeat) {
        browser.findElement(By.id("reset-form:password")).sendKeys(password);
        browser.findElement(By.id("reset-form:repeat")).sendKeys(repeat);
        Browser.submit(browser, By.id("reset-form:save"));
    }

    private void signIn(String email, String password) {
        Browser.submitSignIn(browser, email, password);
    }

    private static String tokenOf(String link) {
        Matcher matcher = LINK.matcher(link);
        assertThat(matcher.find()).isTrue();
        return matcher.group(2);
    }

    private static String sha256Hex(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
