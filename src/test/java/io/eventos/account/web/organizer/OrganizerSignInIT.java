package io.eventos.account.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the organizer app with a demo login, in a real browser. */
class OrganizerSignInIT extends BrowserTest {

    @Test
    void signedOutVisitorIsSentToLoginAndBackToTheDashboard() {
        browser.get(base + "/app/index.xhtml");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
        Browser.assertNoSeriousAccessibilityProblems(browser, "sign-in page");
        signIn("owner@demo.eventos.test", "demo-owner-2026");
        assertThat(browser.getCurrentUrl()).contains("/app/");
        assertThat(browser.findElement(By.id("current-account")).getText()).isEqualTo("Northwind Events");
        assertThat(Integer.parseInt(browser.findElement(By.id("event-count")).getText())).isGreaterThanOrEqualTo(6);
        assertThat(browser.findElement(By.id("upcoming-events")).getText()).contains("Nordic Product Summit");
        Browser.screenshot(browser, "organizer-dashboard");

        Browser.submit(browser, By.id("logout-form:logout"));
        browser.get(base + "/app/index.xhtml");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
    }

    @Test
    void aSignedOutOrganizerComesBackToThePageTheyAskedFor() {
        browser.get(base + "/app/audit.xhtml?action=member.");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
        Browser.submitSignIn(browser, "owner@demo.eventos.test", "demo-owner-2026");
        assertThat(browser.getCurrentUrl()).endsWith("/app/audit.xhtml?action=member.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit log");
    }

    @Test
    void wrongPasswordIsExplainedNextToTheFieldAndTheEmailIsKept() {
        browser.get(base + "/login.xhtml");
        signIn("owner@demo.eventos.test", "not-the-password");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
        assertThat(browser.findElement(By.id("login-form:password-message")).getText())
                .contains("do not match");
        assertThat(browser.findElement(By.id("login-form:email")).getAttribute("value"))
                .isEqualTo("owner@demo.eventos.test");
        assertThat(browser.findElement(By.id("login-form:password")).getAttribute("value")).isEmpty();
        Browser.screenshot(browser, "login-wrong-password");
    }

    @Test
    void emptyFieldsGetAMessageEach() {
        browser.get(base + "/login.xhtml");
        Browser.submit(browser, By.id("login-form:sign-in"));
        assertThat(browser.findElement(By.id("login-form")).getText())
                .contains("Enter your email address.", "Enter your password.");
    }

    @Test
    void aPostWithoutAValidViewStateIsRejected() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(base.resolve("/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login-form=login-form"
                        + "&login-form%3Aemail=owner%40demo.eventos.test&login-form%3Apassword=demo-owner-2026"
                        + "&login-form%3Asign-in=Sign+in&jakarta.faces.ViewState=forged"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isNotEqualTo(302);
        assertThat(forged.body()).contains("This page has expired").doesNotContain("Dashboard");
    }

    private void signIn(String email, String password) {
        Browser.submitSignIn(browser, email, password);
    }
}
