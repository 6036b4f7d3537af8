package io.eventos.ticketing.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's promo codes in a real browser on the demo summit: bad input is refused next to each field with
 * what was typed kept; a 20 % code for one use is made from the event editor's link; a buyer applies it on the public
 * tickets page, sees the discounted price and pays; the organizer sees "1 / 1, used up"; the next buyer is told the
 * code is used up; a viewer sees the list without edit controls; another account's event is not found.
 */
class PromoCodesIT extends BrowserTest {

    private final String code = "SPRING" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);

    @Test
    void aCodeForOneUseIsMadeAppliedAtTheCheckoutAndThenUsedUp() throws Exception {
        signInAs(browser, DemoLogin.OWNER);
        String eventId = summitId();
        browser.get(base + "/app/event.xhtml?id=" + eventId);
        Browser.clickToNavigate(browser, browser.findElement(By.id("promo-codes-link")));
        assertThat(browser.getCurrentUrl()).contains("/app/promo-codes.xhtml?event=" + eventId);
        assertThat(browser.findElement(By.id("codes-form:codes")).getText()).contains("NORDIC10", "STUDENT27");

        // bad input: a sentence next to each field, everything typed kept
        type("promo-form:code", "nordic10");
        type("promo-form:percentOff", "150");
        type("promo-form:usageLimit", "0");
        setValue("promo-form:validFrom_input", "2027-03-10 10:00");
        setValue("promo-form:validUntil_input", "2027-03-01 10:00");
        Browser.submit(browser, By.id("promo-form:save"));
        assertThat(text("promo-form:code-message")).isEqualTo("This event already has the code NORDIC10.");
        assertThat(text("promo-form:percentOff-message")).isEqualTo("Enter a percentage from 1 to 100.");
        assertThat(text("promo-form:usageLimit-message"))
                .isEqualTo("The limit is at least 1; leave it empty for no limit.");
        assertThat(text("promo-form:validUntil-message")).isEqualTo("The code must stop being valid after it starts.");
        assertThat(value("promo-form:code")).isEqualTo("nordic10");
        assertThat(value("promo-form:percentOff")).isEqualTo("150");
        assertThat(value("promo-form:usageLimit")).isEqualTo("0");
        assertThat(value("promo-form:validFrom_input")).isEqualTo("2027-03-10 10:00");
        Browser.screenshot(browser, "promo-codes-refused");
        browser.executeScript("arguments[0].scrollIntoView({block: 'end'});",
                browser.findElement(By.id("promo-form:save")));
        Browser.screenshot(browser, "promo-codes-refused-form");

        // characters people cannot type reliably, and a word where a number belongs
        clearAndType("promo-form:code", "SPRING 20%");
        clearAndType("promo-form:percentOff", "twenty");
        Browser.submit(browser, By.id("promo-form:save"));
        assertThat(text("promo-form:percentOff-message")).isEqualTo("Enter a whole number from 1 to 100.");
        assertThat(value("promo-form:percentOff")).isEqualTo("twenty");
        assertThat(value("promo-form:code")).isEqualTo("SPRING 20%");

        // the good code: 20 % off, one use, no dates
        clearAndType("promo-form:code", code);
        clearAndType("promo-form:percentOff", "20");
        clearAndType("promo-form:usageLimit", "1");
        setValue("promo-form:validFrom_input", "");
        setValue("promo-form:validUntil_input", "");
        Browser.submit(browser, By.id("promo-form:save"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("The code " + code + " was added.");
        assertThat(row(code)).contains("20 % off", "All ticket types", "0 / 1", "always", "active");
        assertThat(value("promo-form:code")).as("a fresh form after saving").isEmpty();
        Browser.clickToNavigate(browser, browser.findElement(By.xpath(rowXpath(code)
                + "//button[normalize-space(.)='Edit']")));
        assertThat(value("promo-form:code")).isEqualTo(code);
        assertThat(value("promo-form:percentOff")).isEqualTo("20");
        assertThat(value("promo-form:usageLimit")).isEqualTo("1");
        Browser.submit(browser, By.id("promo-form:new"));
        assertThat(value("promo-form:code")).isEmpty();

        // a buyer applies it (typed in lower case) and pays the discounted price
        ChromeDriver buyer = anotherBrowser();
        buyer.get(base + "/e/demo/product-summit/tickets");
        applyCode(buyer, code.toLowerCase(Locale.ROOT));
        assertThat(buyer.findElement(By.id("tickets-form:promo-code-message")).getText())
                .isEqualTo("The code " + code.toLowerCase(Locale.ROOT) + " is applied.");
        WebElement regular = choice(buyer, "Regular");
        assertThat(regular.getText()).contains("€249.00", "€199.20 with the code");
        assertThat(buyer.findElements(By.xpath("//label[contains(@class,'ticket-name')][normalize-space(.)='Student']")))
                .as("a code for all ticket types does not open the hidden student tickets").isEmpty();
        Browser.screenshot(buyer, "promo-codes-buyer-applied");
        new Select(buyer.findElement(By.id(regular.findElement(By.cssSelector("label.ticket-name"))
                .getAttribute("for")))).selectByVisibleText("1");
        Browser.submit(buyer, By.id("tickets-form:continue"));
        // the line at its full price, then the discount, then the total: €249.00 − €49.80 = €199.20
        assertThat(buyer.findElement(By.id("summary")).getText())
                .contains("1 × Regular €249.00", "Code " + code, "−€49.80");
        assertThat(buyer.findElement(By.id("total")).getText()).isEqualTo("€199.20");
        buyer.findElement(By.id("checkout-form:buyer-name")).sendKeys("Grace Hopper");
        buyer.findElement(By.id("checkout-form:buyer-email")).sendKeys("grace-" + System.nanoTime() + "@example.org");
        buyer.findElement(By.cssSelector("input[id$=':first-name']")).sendKeys("Grace");
        buyer.findElement(By.cssSelector("input[id$=':last-name']")).sendKeys("Hopper");
        buyer.findElement(By.id("checkout-form:card")).sendKeys("4242 4242 4242 4242");
        Browser.submit(buyer, By.id("checkout-form:place-order"));
        assertThat(buyer.findElement(By.id("order-status")).getText()).contains("Paid");

        // the organizer sees the use, and the code used up
        browser.get(base + "/app/promo-codes.xhtml?event=" + eventId);
        assertThat(row(code)).contains("1 / 1", "used up");
        assertThat(browser.findElements(By.xpath(rowXpath(code) + "//button[normalize-space(.)='Delete']")))
                .as("a used code is not deleted").isEmpty();
        assertThat(browser.findElements(By.xpath(rowXpath(code) + "//button[normalize-space(.)='End now']")))
                .as("it can be ended instead").hasSize(1);
        Browser.screenshot(browser, "promo-codes-page");

        // the next buyer is told
        ChromeDriver late = anotherBrowser();
        late.get(base + "/e/demo/product-summit/tickets");
        applyCode(late, code);
        assertThat(late.findElement(By.id("tickets-form:promo-code-message")).getText())
                .isEqualTo("This code has been used up.");
        assertThat(choice(late, "Regular").getText()).doesNotContain("with the code");

        // the organizer ends it, after a question that says what will happen: it stays in the list with its use
        browser.get(base + "/app/promo-codes.xhtml?event=" + eventId);
        browser.findElement(By.xpath(rowXpath(code) + "//button[normalize-space(.)='End now']")).click();
        WebElement yes = new WebDriverWait(browser, Duration.ofSeconds(10), Browser.POLL).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")));
        assertThat(browser.findElement(By.cssSelector(".ui-confirm-dialog-message")).getText())
                .contains("End the code " + code + " now?", "Buyers can no longer use it");
        Browser.screenshot(browser, "promo-codes-end-confirm");
        Browser.clickToNavigate(browser, yes);
        assertThat(browser.findElement(By.id("messages")).getText())
                .contains("The code " + code + " has ended: it cannot be used any more.");
        assertThat(row(code)).contains("1 / 1", "expired");
    }

    @Test
    void aViewerSeesTheCodesButNoEditControlsAndAnotherAccountsEventIsNotFound() throws Exception {
        signInAs(browser, DemoLogin.VIEWER);
        String eventId = summitId();
        browser.get(base + "/app/promo-codes.xhtml?event=" + eventId);
        assertThat(browser.findElement(By.id("codes-form:codes")).getText()).contains("NORDIC10");
        assertThat(browser.findElements(By.id("promo-form"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//button[normalize-space(.)='Edit' or normalize-space(.)='Delete' "
                + "or normalize-space(.)='End now']"))).isEmpty();

        UUID account = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        try (Connection db = TestDatabase.get().superuserConnection("eventos")) {
            execute(db, "insert into accounts (id, slug, name) values (?::uuid, ?, 'Other Org')", account.toString(),
                    "promo-other-" + account.toString().substring(0, 8));
            execute(db, """
                    insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency)
                    values (?::uuid, ?::uuid, 'secret', 'Secret Gala', now() + interval '9 days',
                            now() + interval '10 days', 'UTC', 'EUR')""", event.toString(), account.toString());
            execute(db, """
                    insert into promo_codes (id, account_id, event_id, code, kind, percent_off)
                    values (gen_random_uuid(), ?::uuid, ?::uuid, 'SECRETCODE', 'percent', 50)""",
                    account.toString(), event.toString());
        }
        for (String page : List.of("/app/promo-codes.xhtml?event=" + event, "/app/promo-codes.xhtml?event=nonsense")) {
            browser.get(base + page);
            assertThat(browser.getTitle()).as(page).contains("Page not found");
            assertThat(browser.getPageSource()).as(page).doesNotContain("SECRETCODE").doesNotContain("Secret Gala");
            assertThat(status(page)).as(page).isEqualTo(404);
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private static void applyCode(ChromeDriver driver, String promoCode) {
        driver.findElement(By.id("tickets-form:promo-code")).sendKeys(promoCode);
        driver.findElement(By.id("tickets-form:apply-code")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20), Browser.POLL).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("tickets-form:promo-code-message")).getText().isBlank());
    }

    /** The public page's block of one ticket type (name, price, quantity). */
    private static WebElement choice(ChromeDriver driver, String ticketName) {
        return driver.findElement(By.xpath("//div[contains(@class,'ticket-choice')][.//label[contains(@class,"
                + "'ticket-name')][normalize-space(.)='" + ticketName + "']]"));
    }

    private static String rowXpath(String promoCode) {
        return "//tbody[@id='codes-form:codes_data']/tr[.//strong[normalize-space(.)='" + promoCode + "']]";
    }

    private String row(String promoCode) {
        return browser.findElement(By.xpath(rowXpath(promoCode))).getText();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private void clearAndType(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets an input's value as the browser would post it (the date pickers' text fields). */
    private void setValue(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** The status of a GET with the browser's session. */
    private int status(String page) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(page)).GET();
        var session = browser.manage().getCookieNamed("EVENTOS_SESSION");
        if (session != null) {
            request.header("Cookie", "EVENTOS_SESSION=" + session.getValue());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String summitId() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement statement = db.prepareStatement("""
                     select e.id::text from events e join accounts a on a.id = e.account_id
                     where a.slug = 'demo' and e.slug = 'product-summit'""");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
