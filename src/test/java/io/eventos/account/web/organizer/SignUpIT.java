package io.eventos.account.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up, email verification, a second account and the account switcher, in a real browser with the mail read from
 * the test SMTP server. Every test signs up a new user with a unique address, so the demo data stays as it is.
 */
class SignUpIT extends BrowserTest {

    private static final String PASSWORD = "harbour-lantern-4821";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/verify-email\\.xhtml\\?token=[A-Za-z0-9_-]+)");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private TestMail mail;

    @BeforeEach
    void open() {
        mail = TestServer.mail();
    }

    @Test
    void signUpVerifyCreateASecondAccountAndSwitch() {
        String unique = Long.toString(System.nanoTime(), 36);
        String email = "founder-" + unique + "@example.test";
        String first = "Lantern Works " + unique;
        String second = "Harbour Club " + unique;

        browser.get(base + "/login.xhtml");
        Browser.submit(browser, By.id("create-account"));
        assertThat(browser.getCurrentUrl()).contains("/signup.xhtml");
        fillSignUp("Fiona Founder", email, PASSWORD, first);
        Browser.screenshot(browser, "signup-filled");
        Browser.submit(browser, By.id("signup-form:create"));

        // the sign-in page says to check the mail, and holds the address; signing in works before confirming it
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
        assertThat(browser.findElement(By.id("messages")).getText()).isEqualTo("Thank you. We sent an email to "
                + email + ": open the link in it to confirm your address. Then sign in with your new password.");
        assertThat(browser.findElement(By.id("login-form:email")).getAttribute("value")).isEqualTo(email);
        Browser.screenshot(browser, "signup-check-your-email");
        Browser.signInAfterSignUp(browser, PASSWORD);

        // signed in, on the new account's dashboard, with the unverified notice
        assertThat(browser.getCurrentUrl()).contains("/app/");
        assertThat(currentAccount()).isEqualTo(first);
        assertThat(eventCount()).isZero();
        assertThat(browser.findElement(By.id("email-notice-text")).getText())
                .isEqualTo("Confirm your email address: we sent a link to " + email + ".");
        Browser.screenshot(browser, "signup-dashboard-unverified");
        assertThat(slugOf(first)).isEqualTo("lantern-works-" + unique);

        // "send it again" replaces the first link
        MimeMessage firstMail = mail.awaitMessageTo(email, 0, MAIL_WAIT);
        String firstLink = linkIn(firstMail);
        Browser.submit(browser, By.id("email-notice-form:send-again"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("We sent a new link");
        String link = linkIn(mail.awaitMessageTo(email, 1, MAIL_WAIT));
        assertThat(link).startsWith(base + "/verify-email.xhtml?token=").isNotEqualTo(firstLink);

        browser.get(firstLink);
        assertThat(browser.findElement(By.id("verify-outcome")).getText()).contains("is not valid");
        assertThat(browser.findElements(By.id("resend-form:send-new-link"))).hasSize(1);

        browser.get(link);
        assertThat(browser.findElement(By.id("verify-outcome")).getText())
                .isEqualTo("Thank you: your email address is confirmed.");
        Browser.screenshot(browser, "verify-email-done");
        browser.get(link);
        assertThat(browser.findElement(By.id("verify-outcome")).getText())
                .isEqualTo("This link was already used; each link works once.");
        browser.get(base + "/app/");
        assertThat(browser.findElements(By.id("email-notice"))).isEmpty();

        // sign out and in again
        signOut();
        signIn(email, PASSWORD);
        assertThat(currentAccount()).isEqualTo(first);

        // a second account from the switcher's menu
        openSwitcher();
        Browser.clickToNavigate(browser, menuItem("Create another account"));
        assertThat(browser.getCurrentUrl()).contains("/app/accounts/new.xhtml");
        Browser.submit(browser, By.id("new-account-form:create"));
        assertThat(browser.findElement(By.id("new-account-form:organization-message")).getText())
                .isEqualTo("Enter the name of your organization.");
        browser.findElement(By.id("new-account-form:organization")).sendKeys(second);
        Browser.submit(browser, By.id("new-account-form:create"));
        assertThat(browser.getCurrentUrl()).contains("/app/");
        assertThat(currentAccount()).isEqualTo(second);
        assertThat(eventCount()).isZero();
        assertThat(browser.findElement(By.id("messages")).getText()).contains(second);

        // back and forth
        switchTo(first);
        assertThat(currentAccount()).isEqualTo(first);
        assertThat(eventCount()).isZero();
        Browser.screenshot(browser, "account-switcher");
        switchTo(second);
        assertThat(currentAccount()).isEqualTo(second);

        // the next sign-in lands on the account used last
        signOut();
        signIn(email, PASSWORD);
        assertThat(currentAccount()).isEqualTo(second);
    }

    @Test
    void badInputIsExplainedNextToTheFieldsAndKept() {
        browser.get(base + "/signup.xhtml");
        Browser.submit(browser, By.id("signup-form:create"));
        assertThat(message("name")).isEqualTo("Enter your name.");
        assertThat(message("email")).isEqualTo("Enter your email address.");
        assertThat(message("password")).isEqualTo("Choose a password.");
        assertThat(message("organization")).isEqualTo("Enter the name of your organization.");

        // a registered email and a common password, at once: only the password is a problem (whether an email is
        // registered, sign-up never says: AbuseLimitsIT); the rest stays as typed
        fillSignUp("Olive Other", "owner@demo.eventos.test", "password123", "Other Org");
        Browser.submit(browser, By.id("signup-form:create"));
        assertThat(browser.getCurrentUrl()).contains("/signup.xhtml");
        assertThat(message("email")).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("exists");
        assertThat(message("password"))
                .isEqualTo("This password is one of the most common ones; choose one that is harder to guess.");
        assertThat(message("name")).isEmpty();
        assertThat(value("name")).isEqualTo("Olive Other");
        assertThat(value("email")).isEqualTo("owner@demo.eventos.test");
        assertThat(value("organization")).isEqualTo("Other Org");
        assertThat(value("password")).isEmpty();
        Browser.screenshot(browser, "signup-bad-input");

        // a short password for a new address; an address the browser accepts but mail cannot reach
        clear("email");
        browser.findElement(By.id("signup-form:email")).sendKeys("olive@localhost");
        browser.findElement(By.id("signup-form:password")).sendKeys("short");
        Browser.submit(browser, By.id("signup-form:create"));
        assertThat(message("email")).isEqualTo("Enter an email address like name@example.com.");
        assertThat(message("password")).isEqualTo("Use at least 10 characters.");
        assertThat(value("organization")).isEqualTo("Other Org");
    }

    @Test
    void aForgedSwitchToAnotherAccountShowsNothingOfIt() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        String email = "forger-" + unique + "@example.test";
        String own = "Forgers " + unique;
        browser.get(base + "/signup.xhtml");
        fillSignUp("Fred Forger", email, PASSWORD, own);
        Browser.submit(browser, By.id("signup-form:create"));
        Browser.signInAfterSignUp(browser, PASSWORD);
        assertThat(currentAccount()).isEqualTo(own);
        openSwitcher();
        Browser.clickToNavigate(browser, menuItem("Create another account"));
        browser.findElement(By.id("new-account-form:organization")).sendKeys("Second " + unique);
        Browser.submit(browser, By.id("new-account-form:create"));
        assertThat(currentAccount()).isEqualTo("Second " + unique);

        // the switch form posts the demo account's id instead of the user's own account
        UUID demo = accountIdBySlug("demo");
        openSwitcher();
        browser.executeScript("""
                var form = document.getElementById('account-switch-form');
                var id = arguments[0];
                var forge = function () {
                    form.querySelectorAll('input[name=account]').forEach(function (i) { i.value = id; });
                };
                form.onsubmit = function () { forge(); };
                var submit = HTMLFormElement.prototype.submit;
                HTMLFormElement.prototype.submit = function () { forge(); return submit.call(this); };
                """, demo.toString());
        Browser.clickToNavigate(browser, menuItem(own));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(browser.getPageSource()).doesNotContain("Northwind Events").doesNotContain("Nordic Product Summit");

        browser.get(base + "/app/");
        assertThat(currentAccount()).isEqualTo("Second " + unique);
        assertThat(eventCount()).isZero();
        assertThat(browser.getPageSource()).doesNotContain("Northwind Events");
        assertThat(lastAccountOf(email)).isNotEqualTo(demo);
        signOut();
        signIn(email, PASSWORD);
        assertThat(currentAccount()).isEqualTo("Second " + unique);
    }

    private void fillSignUp(String name, String email, String password, String organization) {
        for (String field : new String[] {"name", "email", "organization"}) {
            clear(field);
        }
        browser.findElement(By.id("signup-form:name")).sendKeys(name);
        browser.findElement(By.id("signup-form:email")).sendKeys(email);
        browser.findElement(By.id("signup-form:password")).sendKeys(password);
        browser.findElement(By.id("signup-form:organization")).sendKeys(organization);
    }

    private void clear(String field) {
        browser.findElement(By.id("signup-form:" + field)).clear();
    }

    private String message(String field) {
        return browser.findElement(By.id("signup-form:" + field + "-message")).getText();
    }

    private String value(String field) {
        return browser.findElement(By.id("signup-form:" + field)).getAttribute("value");
    }

    private String currentAccount() {
        return browser.findElement(By.id("current-account")).getText().strip();
    }

    private long eventCount() {
        return Long.parseLong(browser.findElement(By.id("event-count")).getText());
    }

    private void openSwitcher() {
        browser.findElement(By.id("account-switch-form:account-switcher_button")).click();
    }

    private WebElement menuItem(String text) {
        return new WebDriverWait(browser, Duration.ofSeconds(10), Browser.POLL).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(@class,'ui-menuitem-link')][normalize-space(.)='" + text + "']")));
    }

    private void switchTo(String account) {
        openSwitcher();
        Browser.clickToNavigate(browser, menuItem(account));
    }

    private void signOut() {
        Browser.submit(browser, By.id("logout-form:logout"));
        browser.get(base + "/login.xhtml");
    }

    private void signIn(String email, String password) {
        if (!browser.getCurrentUrl().contains("/login.xhtml")) {
            browser.get(base + "/login.xhtml");
        }
        Browser.submitSignIn(browser, email, password);
        assertThat(browser.getCurrentUrl()).contains("/app/");
    }

    private static String linkIn(MimeMessage message) {
        Matcher link = LINK.matcher(TestMail.text(message));
        assertThat(link.find()).as("a verification link in the email").isTrue();
        return link.group(1);
    }

    private static String slugOf(String accountName) {
        return queryString("select slug from accounts where name = ?", accountName);
    }

    private static UUID accountIdBySlug(String slug) {
        return UUID.fromString(queryString("select id::text from accounts where slug = ?", slug));
    }

    private static UUID lastAccountOf(String email) {
        return UUID.fromString(queryString("select last_account_id::text from users where lower(email) = lower(?)",
                email));
    }

    private static String queryString(String sql, String parameter) {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
