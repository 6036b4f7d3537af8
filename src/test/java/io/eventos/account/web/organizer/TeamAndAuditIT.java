package io.eventos.account.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.RawHttp;
import io.eventos.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The team page, the audit log and what each role sees of them, in a real browser on the demo account. */
class TeamAndAuditIT extends BrowserTest {

    @Test
    void anOwnerChangesARoleAndFindsItInTheAuditLog() {
        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/team.xhtml");
        assertThat(browser.findElement(By.id("team-form:members")).getText())
                .contains("Olivia Owner", "Vera Viewer", "Dana Doors", "(selected events)");
        assertThat(rowOf("Olivia Owner").getText()).as("the owner was just active").contains("UTC");
        changeRole("Vera Viewer", "member");
        assertThat(browser.findElement(By.id("team-form:messages")).getText()).contains("Vera Viewer is now member.");
        changeRole("Vera Viewer", "viewer");

        browser.get(base + "/app/audit.xhtml");
        String log = browser.findElement(By.id("audit-form:entries")).getText();
        assertThat(log).contains("owner@demo.eventos.test", "member.role_changed", "{\"role\": \"viewer\"}");
        Browser.screenshot(browser, "audit-log");
    }

    @Test
    void theLastOwnerCannotRemoveThemselves() {
        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/team.xhtml");
        WebElement row = rowOf("Olivia Owner");
        row.findElement(By.xpath(".//button[.//span[text()='Remove']]")).click();
        confirm();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("team-form:messages"), "only owner"));
        assertThat(browser.findElement(By.id("team-form:members")).getText()).contains("Olivia Owner");
    }

    /**
     * A removed member is signed out at once, in every browser (issue 13, finding 5): their next request goes to the
     * sign-in page, which says why. The member is a user of this test's own, signed in over plain HTTP.
     */
    @Test
    void aRemovedMemberIsSignedOutOnTheirNextRequest() {
        String member = TestUsers.createDemoViewer("removed");
        try {
            RawHttp membersBrowser = new RawHttp(base, "127.0.0.76");
            assertThat(TestUsers.signIn(membersBrowser, member, TestUsers.PASSWORD)).contains("/app/");
            assertThat(membersBrowser.get("/app/events.xhtml", Map.of()).status()).isEqualTo(200);

            signInAs(browser, DemoLogin.OWNER);
            browser.get(base + "/app/team.xhtml");
            rowOf("Tess removed").findElement(By.xpath(".//button[.//span[text()='Remove']]")).click();
            confirm();
            wait(ExpectedConditions.textToBePresentInElementLocated(By.id("team-form:messages"),
                    "Tess removed was removed from the account."));

            RawHttp.Response next = membersBrowser.get("/app/events.xhtml", Map.of());
            assertThat(next.status()).isEqualTo(302);
            assertThat(TestUsers.pathOf(next.header("Location"))).startsWith("/login.xhtml?ended=1");
            assertThat(membersBrowser.get("/app/", Map.of()).status()).as("the session is gone").isEqualTo(302);
        } finally {
            TestUsers.leaveDemo(member);
        }
    }

    @Test
    void aViewerSeesTheTeamButCannotChangeItAndHasNoAuditLog() throws Exception {
        signInAs(browser, DemoLogin.VIEWER);
        browser.get(base + "/app/team.xhtml");
        assertThat(browser.findElement(By.id("team-form:members")).getText()).contains("Olivia Owner");
        assertThat(browser.findElements(By.xpath("//button[.//span[text()='Remove']]"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-audit"))).isEmpty();
        browser.get(base + "/app/audit.xhtml");
        assertThat(browser.getTitle()).contains("Page not found");
        browser.get(base + "/app/settings.xhtml");
        assertThat(browser.findElements(By.id("settings-form:save"))).isEmpty();
        assertThat(browser.findElement(By.id("settings-form:name")).getAttribute("readonly")).isNotNull();
    }

    @Test
    void settingsRefuseABadSlugNextToTheFieldAndKeepWhatWasTyped() {
        signInAs(browser, DemoLogin.ADMIN);
        browser.get(base + "/app/settings.xhtml");
        WebElement name = browser.findElement(By.id("settings-form:name"));
        name.clear();
        name.sendKeys("Northwind Events GmbH");
        WebElement slug = browser.findElement(By.id("settings-form:slug"));
        slug.clear();
        slug.sendKeys("Not A Slug!");
        Browser.submit(browser, By.id("settings-form:save"));
        assertThat(browser.findElement(By.id("settings-form:slug-message")).getText())
                .contains("lower-case letters, digits and single dashes");
        assertThat(browser.findElement(By.id("settings-form:name")).getAttribute("value"))
                .isEqualTo("Northwind Events GmbH");
        assertThat(browser.findElements(By.id("security-form"))).as("admins do not set the 2FA rule").isEmpty();
    }

    private void changeRole(String member, String role) {
        rowOf(member).findElement(By.xpath(".//button[.//span[text()='" + role + "']]")).click();
        confirm();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("team-form:messages"),
                member + " is now " + role + "."));
    }

    private void confirm() {
        wait(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
    }

    private WebElement rowOf(String name) {
        return browser.findElement(By.xpath("//tbody[@id='team-form:members_data']/tr[td[text()='" + name + "']]"));
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15), Browser.POLL).until(condition);
    }
}
