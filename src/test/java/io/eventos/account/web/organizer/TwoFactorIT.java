package io.eventos.account.web.organizer;

import io.eventos.account.service.Totp;
import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;


import static io.eventos.testing.TestDatabase.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor authentication in the browser: set up with the key shown on the page, recovery codes shown once,
 * sign-in asks for a code after the password, a wrong code is refused next to the field; an account that requires
 * it sends members without it to the set-up page. Uses the demo door staff user, whom no other test signs in as.
 */
class TwoFactorIT extends BrowserTest {

    private static final String EMAIL = "doors@demo.eventos.test";
    private static final String PASSWORD = "demo-doors-2026";

    @AfterEach
    void close() {
        execute("update accounts set require_2fa = false where slug = 'demo'");
        // the demo's door staff sign in with their password alone in other tests (CheckInJourneyIT)
        execute("update users set totp_enabled = false, totp_secret_enc = null, recovery_codes = '[]' where email = '"
                + EMAIL + "'");
    }

    @Test
    void setUpThenSignInWithACodeFromTheApp() {
        signIn(PASSWORD);
        browser.get(base + "/app/security.xhtml");
        assertThat(browser.findElement(By.id("status")).getText()).contains("off");
        Browser.submit(browser, By.id("start-form:start"));
        assertThat(browser.findElement(By.id("enrol-form:qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        String secret = browser.findElement(By.id("secret")).getText().replace(" ", "");

        enterCode("enrol-form", "000000");
        assertThat(browser.findElement(By.id("enrol-form:code-message")).getText()).contains("That code is not right");
        long step = Totp.stepAt(java.time.Instant.now());
        enterCode("enrol-form", Totp.codeAt(secret, step));
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        assertThat(browser.findElement(By.id("status")).getText()).contains("on", "10 recovery codes left");
        Browser.screenshot(browser, "two-factor-recovery-codes");

        Browser.submit(browser, By.id("logout-form:logout"));
        signIn(PASSWORD);
        assertThat(browser.getCurrentUrl()).as("the password alone does not sign in").contains("/login.xhtml");
        enterCode("code-form", "123456");
        assertThat(browser.findElement(By.id("code-form:code-message")).getText()).contains("That code is not right");
        enterCode("code-form", Totp.codeAt(secret, step + 1)); // the next step: allowed drift, never used before
        assertThat(browser.getCurrentUrl()).as("signed in: door staff start at their scanner")
                .contains("/checkin/scan.xhtml");
    }

    @Test
    void anAccountThatRequiresItSendsMembersWithoutItToTheSetUp() {
        execute("update accounts set require_2fa = true where slug = 'demo'");
        browser.get(base + "/login.xhtml");
        Browser.submitSignIn(browser, "viewer@demo.eventos.test", "demo-viewer-2026");
        browser.get(base + "/app/team.xhtml");
        assertThat(browser.getCurrentUrl()).contains("/app/security.xhtml");
        assertThat(browser.findElement(By.id("required-notice")).getText())
                .contains("requires two-factor authentication");
    }

    private void signIn(String password) {
        browser.get(base + "/login.xhtml");
        Browser.submitSignIn(browser, EMAIL, password);
    }

    private void enterCode(String form, String code) {
        var field = browser.findElement(By.id(form + ":code"));
        field.clear();
        field.sendKeys(code);
        Browser.submit(browser, By.id(form + (form.equals("enrol-form") ? ":confirm" : ":verify")));
    }
}
