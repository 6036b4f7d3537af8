package io.eventos.account.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly summary email is turned on and off on "Your security" (demo data): an admin ticks it, saves, sees it
 * saved after a reload and in the database; a viewer is not offered it (docs/permissions.md, WEEKLY_SUMMARY).
 */
class WeeklySummarySettingIT extends BrowserTest {

    private static final String ADMIN = DemoLogin.ADMIN.email();

    @AfterEach
    void close() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement()) {
            sql.executeUpdate("update account_users set weekly_summary = false where user_id = "
                    + "(select id from users where email = '" + ADMIN + "')");
        }
    }

    @Test
    void anAdminTurnsTheWeeklySummaryOnAndSeesItSaved() throws SQLException {
        signInAs(browser, DemoLogin.ADMIN);
        browser.get(base + "/app/security.xhtml#weekly-summary");
        assertThat(browser.findElement(By.id("weekly-summary")).getText()).isEqualTo("Weekly summary email");
        assertThat(checkbox().isSelected()).as("off unless turned on").isFalse();
        assertThat(browser.findElement(By.id("summary-form")).getText())
                .contains("Email me the weekly summary of Northwind Events", "Every Monday at 08:00 in the time zone of Northwind Events");

        browser.findElement(By.cssSelector("#summary-form\\:weekly .ui-chkbox-box")).click();
        save();
        assertThat(browser.findElement(By.id("summary-form:weekly-message")).getText())
                .contains("Saved: every Monday morning you will get the weekly summary of Northwind Events by email.");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("weekly-summary")));
        Browser.screenshot(browser, "weekly-summary-setting-laptop");
        reload(); // a new page: the view and its message are gone
        assertThat(checkbox().isSelected()).as("saved: still ticked after a reload").isTrue();
        assertThat(flag()).as("kept for the weekly job").isTrue();

        browser.findElement(By.cssSelector("#summary-form\\:weekly .ui-chkbox-box")).click();
        assertThat(checkbox().isSelected()).isFalse();
        save();
        assertThat(browser.findElement(By.id("summary-form:weekly-message")).getText())
                .contains("Saved: you will not get the weekly summary of Northwind Events.");
        reload();
        assertThat(checkbox().isSelected()).isFalse();
        assertThat(flag()).isFalse();

        browser.manage().window().setSize(new Dimension(390, 844));
        reload();
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("weekly-summary")));
        Browser.screenshot(browser, "weekly-summary-setting-phone");
    }

    @Test
    void aViewerIsNotOfferedTheWeeklySummary() {
        signInAs(browser, DemoLogin.VIEWER);
        browser.get(base + "/app/security.xhtml");
        assertThat(browser.findElement(By.id("password-form")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("summary-form"))).as("owners and admins only").isEmpty();
    }

    /** Loads the page anew (navigating to its own address with only another #anchor would not). */
    private void reload() {
        org.openqa.selenium.WebElement old = browser.findElement(By.tagName("html"));
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(30), Browser.POLL).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        });
        assertThat(browser.findElement(By.id("summary-form:weekly-message")).getText()).isEmpty();
    }

    /** Saves with the form's AJAX button and waits for the answer next to the box. */
    private void save() {
        browser.findElement(By.id("summary-form:save-summary")).click();
        // the AJAX answer replaces the message element: one found a moment ago may be gone when its text is read
        new WebDriverWait(browser, Duration.ofSeconds(30), Browser.POLL)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> !d.findElements(
                By.cssSelector("#summary-form\\:weekly-message")).isEmpty()
                && d.findElement(By.id("summary-form:weekly-message")).getText().startsWith("Saved"));
    }

    private org.openqa.selenium.WebElement checkbox() {
        return browser.findElement(By.id("summary-form:weekly_input"));
    }

    private static boolean flag() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select weekly_summary from account_users au join accounts a on "
                     + "a.id = au.account_id join users u on u.id = au.user_id where a.slug = 'demo' and u.email = '"
                     + ADMIN + "'")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
