package io.eventos.crm.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.ArrayList;
import java.util.List;

import static io.eventos.testing.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM in a real browser on the demo account: a ticket bought on the public page makes the buyer a contact with an
 * "Order paid" entry; admitting the ticket at the door adds "Checked in"; the organizer adds a note and a task (which
 * then heads "My tasks" on the dashboard), finds the contact by typing the start of the name, tags it and filters
 * the list by the tag, and a bad phone number is refused next to the field with everything typed kept. An owner
 * erases a buyer through the contact page's dialog; the order then shows "Erased person" with the same total.
 */
class ContactsJourneyIT extends BrowserTest {

    @Test
    void aBuyerBecomesAContactWithTheirOrderCheckInNotesAndTasks() throws Exception {
        String suffix = letters(6);
        String lastName = "Quandt" + suffix;
        String buyer = "ottilie-" + System.nanoTime() + "@example.org";
        String orderCode = Browser.buyOneSummitTicket(browser, base.toString(), "Ottilie", lastName, buyer);

        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/events.xhtml"); // a light page with the navigation (the dashboard is not the subject)
        Browser.clickToNavigate(browser, browser.findElement(By.id("nav-contacts")));
        assertThat(browser.getCurrentUrl()).contains("/app/contacts.xhtml");

        // search as you type: the start of the first name and of the last name
        browser.findElement(By.id("contacts-form:text")).sendKeys("otti quandt" + suffix.substring(0, 3));
        wait(browser).until(d -> rows(d).size() == 1 && rows(d).get(0).contains("Ottilie " + lastName));
        assertThat(browser.findElement(By.id("contacts-form:match-count")).getText()).isEqualTo("1 contact");
        Browser.screenshot(browser, "crm-1-search");
        Browser.clickToNavigate(browser, browser.findElement(By.linkText("Ottilie " + lastName)));
        assertThat(browser.getCurrentUrl()).contains("/app/contact.xhtml?id=");
        String contactUrl = browser.getCurrentUrl();
        assertThat(timeline()).startsWith("Order paid").contains("Order " + orderCode + " paid: 1 ticket",
                "Nordic Product Summit");

        // the ticket is admitted at the door; the timeline shows it, newest first
        String summit = query("select cast(id as text) from events where slug = 'product-summit'").get(0);
        String list = query("select cast(id as text) from checkin_lists where event_id = cast(? as uuid) "
                + "and is_default", summit).get(0);
        String ticket = query("select a.code from attendees a join orders o on o.id = a.order_id where o.code = ?",
                orderCode).get(0);
        browser.get(base + "/checkin/scan.xhtml?event=" + summit + "&list=" + list);
        browser.findElement(By.id("scan-form:code")).sendKeys(ticket + "\n");
        wait(browser).until(d -> !d.findElements(By.cssSelector("#result-area [data-result='admitted']")).isEmpty());
        browser.get(contactUrl);
        assertThat(timeline()).startsWith("Checked in");
        assertThat(timeline()).contains("Order paid");

        // a note, then a task for the signed-in owner (the default assignee), due in the future
        browser.findElement(By.id("entry-form:entrySubject")).sendKeys("Prefers the front row");
        browser.findElement(By.id("entry-form:entryBody")).sendKeys("Asked twice at the registration desk.");
        browser.findElement(By.id("entry-form:add-entry")).click();
        wait(browser).until(d -> timeline().startsWith("Note") && timeline().contains("Prefers the front row"));
        Browser.chooseFromMenu(browser, "entry-form:entryKind", "Task");
        browser.findElement(By.id("entry-form:entrySubject")).sendKeys("Send the VIP invitation " + suffix);
        browser.findElement(By.id("entry-form:add-entry")).click();
        wait(browser).until(d -> timeline().startsWith("Task") && timeline().contains("Open"));
        Browser.screenshot(browser, "crm-2-timeline");
        browser.get(base + "/app/index.xhtml");
        assertThat(browser.findElement(By.id("my-tasks")).getText()).contains("Send the VIP invitation " + suffix,
                "Ottilie " + lastName);

        // a bad phone number: the sentence next to the field, nothing typed is lost, nothing saved
        browser.get(contactUrl);
        browser.findElement(By.id("contact-form:company")).sendKeys("Quandt Optics");
        browser.findElement(By.id("contact-form:phone")).sendKeys("030 1234");
        WebElement chips = browser.findElement(By.id("contact-form:tags_input"));
        chips.sendKeys("front-row-" + suffix);
        chips.sendKeys(Keys.ENTER);
        browser.findElement(By.id("contact-form:save")).click();
        wait(browser).until(d -> d.findElement(By.id("contact-form:phone-message")).getText()
                .equals("Enter the phone number with its country code, e.g. +49 30 1234567."));
        assertThat(browser.findElement(By.id("contact-form:phone")).getAttribute("value")).isEqualTo("030 1234");
        assertThat(browser.findElement(By.id("contact-form:company")).getAttribute("value")).isEqualTo("Quandt Optics");
        Browser.screenshot(browser, "crm-3-bad-phone");
        WebElement phone = browser.findElement(By.id("contact-form:phone"));
        phone.clear();
        phone.sendKeys("+49 30 1234567");
        browser.findElement(By.id("contact-form:save")).click();
        wait(browser).until(d -> d.findElement(By.id("messages")).getText().contains("Saved."));
        assertThat(browser.findElement(By.id("contact-form:phone")).getAttribute("value")).isEqualTo("+49301234567");

        // the list filtered by the new tag shows exactly this contact
        browser.get(base + "/app/contacts.xhtml");
        browser.findElement(By.id("contacts-form:tag")).sendKeys("front-row-" + suffix);
        browser.findElement(By.id("contacts-form:filter")).click();
        wait(browser).until(d -> rows(d).size() == 1 && rows(d).get(0).contains("Ottilie " + lastName)
                && rows(d).get(0).contains("front-row-" + suffix));
        Browser.screenshot(browser, "crm-4-tag-filter");

        // the task done: the owner's dashboard is as the demo left it
        browser.get(contactUrl);
        browser.findElement(By.cssSelector(".timeline-entry.kind-task .task-toggle")).click();
        wait(browser).until(d -> timeline().contains("Done "));
        browser.get(base + "/app/index.xhtml");
        assertThat(browser.findElement(By.id("my-tasks")).getText()).doesNotContain("Send the VIP invitation " + suffix);
    }

    @Test
    void aDemoSegmentOfBuyersWhoDidNotAttendListsExactlyThem() throws Exception {
        String summit = query("select cast(id as text) from events where slug = 'product-summit'").get(0);
        List<String> noShows = query("""
                select c.first_name || ' ' || c.last_name from contacts c
                where c.erased_at is null
                  and exists (select 1 from activities a where a.contact_id = c.id and a.event_id = cast(? as uuid)
                              and a.kind = 'order_paid')
                  and not exists (select 1 from activities a where a.contact_id = c.id
                                  and a.event_id = cast(? as uuid) and a.kind = 'ticket_checked_in')
                order by lower(c.last_name), lower(c.first_name)""", summit, summit);
        assertThat(noShows).as("the summit has buyers who have not come yet").isNotEmpty();

        signInAs(browser, DemoLogin.VIEWER);
        browser.get(base + "/app/contacts.xhtml");
        // the segments and their counts arrive just after the list
        ContactPages.await(browser).until(d -> d.findElements(By.id("segments-loading")).isEmpty());
        assertThat(browser.findElement(By.id("segments")).getText()).contains("Product Summit: bought, not checked in yet · "
                + noShows.size() + " now");
        Browser.clickToNavigate(browser, browser.findElement(By.linkText("Product Summit: bought, not checked in yet")));
        assertThat(browser.findElement(By.id("contacts-form:match-count")).getText())
                .isEqualTo(noShows.size() + (noShows.size() == 1 ? " contact" : " contacts"));
        List<String> shown = new ArrayList<>();
        browser.findElements(By.cssSelector("[id='contacts-form:contacts_data'] a.contact-link"))
                .forEach(link -> shown.add(link.getText()));
        assertThat(shown).as("the first page, last activity first").isSubsetOf(noShows)
                .hasSize(Math.min(25, noShows.size()));
        assertThat(browser.findElements(By.id("contacts-form:save-segment"))).as("viewers read segments only")
                .isEmpty();
        Browser.screenshot(browser, "crm-5-segment");
    }

    @Test
    void anOwnerErasesABuyerAndTheOrderKeepsItsTotalWithTheNameGone() throws Exception {
        String suffix = letters(6);
        String lastName = "Mustermann" + suffix;
        String buyer = "erika-" + System.nanoTime() + "@example.org";
        String orderCode = Browser.buyOneSummitTicket(browser, base.toString(), "Erika", lastName, buyer);
        String orderId = query("select cast(id as text) from orders where code = ?", orderCode).get(0);

        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/order.xhtml?id=" + orderId);
        String total = browser.findElement(By.id("total")).getText();
        assertThat(browser.findElement(By.id("buyer")).getText()).contains("Erika " + lastName, buyer);

        browser.get(base + "/app/contacts.xhtml");
        browser.findElement(By.id("contacts-form:text")).sendKeys("mustermann" + suffix);
        wait(browser).until(d -> rows(d).size() == 1 && rows(d).get(0).contains("Erika " + lastName));
        Browser.clickToNavigate(browser, browser.findElement(By.linkText("Erika " + lastName)));
        assertThat(browser.findElement(By.id("export-json")).getAttribute("href")).contains("/app/export/person.json?id=");
        assertThat(browser.findElement(By.id("export-csv")).getAttribute("href")).contains("/app/export/person.csv?id=");
        String json = download(browser.findElement(By.id("export-json")).getAttribute("href")).replaceAll("\\s", "");
        assertThat(json).contains("\"email\":\"" + buyer + "\"", "\"code\":\"" + orderCode + "\"",
                "\"ticketType\":\"Regular\"", "\"kind\":\"order_paid\"");
        assertThat(download(browser.findElement(By.id("export-csv")).getAttribute("href")))
                .contains("orders,1,code," + orderCode, "contact,1,email," + buyer);

        // the dialog says what will happen; "Erase" does it and goes back to the list
        browser.findElement(By.id("erase-form:erase-open")).click();
        wait(browser).until(d -> d.findElement(By.id("erase-form:erase-dialog")).isDisplayed());
        assertThat(browser.findElement(By.id("erase-form:erase-dialog")).getText()).contains("Erase Erika " + lastName,
                "from the orders they bought", "amounts, status, codes and dates", "consent history",
                "cannot be undone");
        Browser.screenshot(browser, "crm-6-erase-dialog");
        Browser.clickToNavigate(browser, browser.findElement(By.id("erase-form:erase-confirm")));
        assertThat(browser.getCurrentUrl()).contains("/app/contacts.xhtml");
        assertThat(browser.findElement(By.id("contacts-form:messages")).getText()).contains("Erased.", "1 order");

        // the list no longer finds the name; the order shows the anonymized buyer with the same total
        browser.findElement(By.id("contacts-form:text")).sendKeys("mustermann" + suffix);
        wait(browser).until(d -> rows(d).isEmpty()
                && d.findElement(By.id("contacts-form:match-count")).getText().startsWith("0"));
        browser.get(base + "/app/order.xhtml?id=" + orderId);
        assertThat(browser.findElement(By.id("buyer")).getText()).contains("Erased person").doesNotContain(buyer);
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo(total);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(lastName);
        Browser.screenshot(browser, "crm-7-erased-order");
    }

    /** What the signed-in browser downloads from this address (same origin, its session cookie). */
    private String download(String url) {
        Object text = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('' + e));",
                url);
        return String.valueOf(text);
    }

    /** The contact page's timeline as text, newest entry first. */
    private String timeline() {
        return ContactPages.timeline(browser);
    }

    private static List<String> rows(org.openqa.selenium.WebDriver driver) {
        return ContactPages.rows(driver);
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return ContactPages.await(browser);
    }

    static String letters(int count) {
        return ContactPages.letters(count);
    }
}
