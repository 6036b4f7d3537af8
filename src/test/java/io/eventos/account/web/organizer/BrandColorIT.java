package io.eventos.account.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's brand colour (issue 17): set on the settings page, refused next to the field when white text on it
 * would be hard to read (kept as typed), and shown at once on the account's public pages and buyer's pages, whose
 * cached copies and entity tags follow it.
 */
class BrandColorIT extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();


    @Test
    void aReadableBrandColourColoursThePublicPagesAtOnceAndALightOneIsRefusedNextToTheField() throws Exception {
        String slug = "brand-" + Long.toString(System.nanoTime(), 36);
        String owner = anAccountWithAnEventOnSale(slug);
        String eventPage = "/e/" + slug + "/brand-night";
        HttpResponse<String> before = get(eventPage, null);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).as("no brand colour yet: the EventOS blue").doesNotContain("--brand: #");
        String tagBefore = before.headers().firstValue("ETag").orElseThrow();
        assertThat(get(eventPage, tagBefore).statusCode()).as("cached and current").isEqualTo(304);

        signInDirectly(browser, owner, TestUsers.PASSWORD);
        browser.get(base + "/app/settings.xhtml");
        type("settings-form:brandColor", "#FFD84D");
        Browser.submit(browser, By.id("settings-form:save"));
        assertThat(browser.findElement(By.id("settings-form:brandColor-message")).getText())
                .contains("too light", "1.2:1", "at least 4.5:1");
        assertThat(browser.findElement(By.id("settings-form:brandColor")).getAttribute("value"))
                .as("what was typed stays").isEqualTo("#FFD84D");
        assertThat(browser.findElement(By.id("settings-form:timeZone_label")).getText())
                .as("the account's UTC is offered, not replaced by the first city").isEqualTo("UTC");
        Browser.assertNoSeriousAccessibilityProblems(browser, "settings with a refused colour");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.findElement(By.id("settings-form:brandColor")));
        Browser.screenshot(browser, "brand-1-refused");
        assertThat(get(eventPage, null).body()).doesNotContain("--brand: #");

        type("settings-form:brandColor", "green");
        Browser.submit(browser, By.id("settings-form:save"));
        assertThat(browser.findElement(By.id("settings-form:brandColor-message")).getText())
                .contains("six hexadecimal digits");

        type("settings-form:brandColor", "#0F7B3F");
        Browser.submit(browser, By.id("settings-form:save"));
        assertThat(browser.findElement(By.id("global-messages")).getText()).contains("Settings saved.");
        assertThat(browser.findElement(By.id("settings-form:brandColor")).getAttribute("value")).isEqualTo("#0F7B3F");
        assertThat(browser.findElements(By.id("settings-form:brand-swatch"))).hasSize(1);
        Browser.screenshot(browser, "brand-2-saved");

        // the public page shows it at once (the cached copy was dropped), under a new entity tag
        HttpResponse<String> after = get(eventPage, tagBefore);
        assertThat(after.statusCode()).as("the browser's old copy is no longer current").isEqualTo(200);
        assertThat(after.body()).contains(":root { --brand: #0f7b3f; }");
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(tagBefore);
        assertThat(get("/e/" + slug, null).body()).contains(":root { --brand: #0f7b3f; }");

        // what a buyer sees: the header band and the buttons in the colour, the organizer's name in the header
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + eventPage);
        assertThat(css(By.cssSelector(".site-header"), "border-top-color")).isEqualTo("rgba(15, 123, 63, 1)");
        Browser.screenshot(browser, "brand-3-event-phone");
        browser.get(base + eventPage + "/tickets");
        assertThat(browser.findElement(By.cssSelector(".site-header .brand")).getText()).isEqualTo("Brand Org " + slug);
        assertThat(css(By.id("tickets-form:continue"), "background-color")).isEqualTo("rgba(15, 123, 63, 1)");
        assertThat(css(By.id("tickets-form:apply-code"), "color")).as("a flat button's text").isEqualTo("rgba(15, 123, 63, 1)");
        Browser.assertNoSeriousAccessibilityProblems(browser, "tickets page in the brand colour");
        Browser.screenshot(browser, "brand-4-tickets-phone");

        // emptied: back to the EventOS blue
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(base + "/app/settings.xhtml");
        type("settings-form:brandColor", "");
        Browser.submit(browser, By.id("settings-form:save"));
        assertThat(browser.findElement(By.id("global-messages")).getText()).contains("Settings saved.");
        assertThat(get(eventPage, null).body()).doesNotContain("--brand: #");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String css(By element, String property) {
        return browser.findElement(element).getCssValue(property);
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A new owner of a new account with a published event and a ticket type on sale; returns the owner's email. */
    private static String anAccountWithAnEventOnSale(String slug) {
        String email = TestUsers.create("brand");
        TestUsers.update("insert into accounts (id, slug, name) values (gen_random_uuid(), ?, 'Brand Org ' || ?)",
                slug, slug);
        TestUsers.update("""
                insert into account_users (id, account_id, user_id, role)
                select gen_random_uuid(), a.id, u.id, 'owner' from accounts a, users u
                where a.slug = ? and u.email = ?""", slug, email);
        TestUsers.update("""
                insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency, status,
                                    published_at)
                select gen_random_uuid(), id, 'brand-night', 'Brand Night', now() + interval '30 days',
                       now() + interval '30 days 3 hours', 'Europe/Berlin', 'EUR', 'published', now()
                from accounts where slug = ?""", slug);
        TestUsers.update("""
                insert into tickets (id, account_id, event_id, name, currency, price_minor, quantity)
                select gen_random_uuid(), e.account_id, e.id, 'Entry', 'EUR', 1500, 100
                from events e join accounts a on a.id = e.account_id where a.slug = ?""", slug);
        return email;
    }
}
