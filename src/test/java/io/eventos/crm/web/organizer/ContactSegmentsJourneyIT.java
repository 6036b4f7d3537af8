package io.eventos.crm.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.Poll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.eventos.testing.TestDatabase.execute;
import static io.eventos.testing.TestDatabase.query;
import static io.eventos.crm.web.organizer.ContactPages.await;
import static io.eventos.crm.web.organizer.ContactPages.letters;
import static io.eventos.crm.web.organizer.ContactPages.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segments with the rules read from ticketing, and saved views, in a real browser on the demo account: a buyer starts a
 * second checkout on the public page, types their address and leaves; when the hold has run out, the organizer
 * filters the contacts by "Left a checkout unfinished" for that event and sees exactly the people the database says
 * (computed here from holds and orders), saves it as a segment with its live count, gets "spent at least abc" refused
 * next to the field with the text kept, and saves the list (filters, search, sort) as a view, reopens it from
 * "Saved views", renames and removes it. What it adds to the shared demo data besides a sale (the segment and the
 * view) it removes again.
 */
class ContactSegmentsJourneyIT extends BrowserTest {

    private static final String SUMMIT_NAME = "Nordic Product Summit";

    @Test
    void aSegmentOfAbandonedCheckoutsShowsExactlyThemAndAViewReopensTheList() throws Exception {
        String suffix = letters(6);
        String lastName = "Leaver" + suffix;
        String email = "lea-" + System.nanoTime() + "@example.org";
        Browser.buyOneSummitTicket(browser, base.toString(), "Lea", lastName, email); // a contact with an order

        // a second checkout: the address typed (the field left), then the buyer goes away
        browser.get(base + "/e/demo/product-summit/tickets");
        WebElement label = browser.findElement(By.xpath(
                "//label[contains(@class,'ticket-name')][normalize-space(.)='Regular']"));
        new Select(browser.findElement(By.id(label.getAttribute("for")))).selectByVisibleText("1");
        Browser.submit(browser, By.id("tickets-form:continue"));
        browser.findElement(By.id("checkout-form:buyer-email")).sendKeys(email);
        browser.findElement(By.id("checkout-form:buyer-name")).click(); // the address field loses focus
        Poll.until("the hold keeps the address typed", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> !query("select 1 from holds where lower(buyer_email) = lower(?) and status = 'active'", email)
                        .isEmpty());
        // its time runs out (as if the 15 minutes had passed)
        execute("update holds set expires_at = now() - interval '1 second' where lower(buyer_email) = lower(?)",
                email);

        String summit = query("select cast(id as text) from events where slug = 'product-summit'").get(0);
        List<String> leavers = query("""
                select c.first_name || ' ' || c.last_name from contacts c
                where c.account_id = (select account_id from events where id = cast(? as uuid))
                  and c.erased_at is null and c.merged_into_id is null
                  and exists (select 1 from holds h
                              where h.account_id = c.account_id and lower(h.buyer_email) = lower(c.email)
                                and h.event_id = cast(? as uuid) and h.status <> 'converted'
                                and (h.status = 'released' or h.expires_at <= now())
                                and not exists (select 1 from orders o
                                                where o.account_id = h.account_id and o.event_id = h.event_id
                                                  and lower(o.buyer_email) = lower(h.buyer_email)
                                                  and o.placed_at >= h.created_at
                                                  and (o.paid_at is not null or o.status = 'pending'
                                                       and coalesce(o.payment_deadline > now(), true))))
                order by 1""", summit, summit);
        assertThat(leavers).contains("Lea " + lastName);

        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/contacts.xhtml");
        browser.findElement(By.id("contacts-form:more-filters-button")).click();
        await(browser).until(d -> !d.findElements(By.id("contacts-form:abandoned")).isEmpty());
        Browser.chooseFromMenu(browser, "contacts-form:abandoned", "Left a checkout unfinished: " + SUMMIT_NAME);
        browser.findElement(By.id("contacts-form:filter")).click();
        String count = leavers.size() + (leavers.size() == 1 ? " contact" : " contacts");
        await(browser).until(d -> d.findElement(By.id("contacts-form:match-count")).getText().equals(count));
        assertThat(names()).as("the first page, exactly the database's leavers").isSubsetOf(leavers)
                .hasSize(Math.min(25, leavers.size())).contains("Lea " + lastName);
        Browser.screenshot(browser, "crm-6-abandoned-checkout");

        // saved as a segment: its live count next to it
        String segment = "Left the summit " + suffix;
        browser.findElement(By.id("contacts-form:segmentName")).sendKeys(segment);
        browser.findElement(By.id("contacts-form:save-segment")).click();
        await(browser).until(d -> d.findElement(By.id("segments")).getText()
                .contains(segment + " · " + String.format("%,d", leavers.size()) + " now"));
        // saving re-renders the segments' form, whose remote command then counts them again (and re-renders the link)
        await(browser).until(d -> {
            try {
                Browser.clickToNavigate(browser, browser.findElement(By.linkText(segment)));
                return true;
            } catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
        assertThat(browser.findElement(By.id("contacts-form:match-count")).getText()).isEqualTo(count);
        assertThat(browser.findElement(By.id("contacts-form:abandoned_label")).getText())
                .isEqualTo("Left a checkout unfinished: " + SUMMIT_NAME);

        // a bad amount: the sentence next to the field, what was typed kept, the list as it was
        browser.findElement(By.id("contacts-form:spentAtLeast")).sendKeys("abc");
        browser.findElement(By.id("contacts-form:filter")).click();
        await(browser).until(d -> d.findElement(By.id("contacts-form:spentAtLeast-message")).getText()
                .equals("Enter an amount, e.g. 100 or 49.90 (\"abc\" is not)."));
        assertThat(browser.findElement(By.id("contacts-form:spentAtLeast")).getAttribute("value")).isEqualTo("abc");
        assertThat(browser.findElement(By.id("contacts-form:match-count")).getText()).isEqualTo(count);
        Browser.screenshot(browser, "crm-7-bad-amount");
        browser.findElement(By.id("contacts-form:spentAtLeast")).clear();
        browser.findElement(By.id("contacts-form:filter")).click();
        await(browser).until(d -> d.findElement(By.id("contacts-form:spentAtLeast-message")).getText().isEmpty());

        // the list narrowed by a search and sorted by name, saved as a view
        browser.findElement(By.id("contacts-form:text")).sendKeys(lastName);
        await(browser).until(d -> rows(d).size() == 1 && rows(d).get(0).contains("Lea " + lastName));
        browser.findElement(By.cssSelector("[id='contacts-form:contacts'] th.ui-sortable-column")).click();
        await(browser).until(d -> {
            WebElement header = d.findElement(By.cssSelector("[id='contacts-form:contacts'] th.ui-sortable-column"));
            return String.valueOf(header.getAttribute("aria-sort")).startsWith("asc")
                    || header.getAttribute("class").contains("ui-state-active");
        });
        String view = "Summit leavers " + suffix;
        browser.findElement(By.id("contacts-form:viewName")).sendKeys(view);
        browser.findElement(By.id("contacts-form:save-view")).click();
        await(browser).until(d -> d.findElement(By.id("contacts-form:messages")).getText()
                .contains("View “" + view + "” saved. Only you see it."));
        assertThat(query("select sort_field || ' ' || sort_ascending from contact_views where name = ?", view))
                .containsExactly("name true");

        // reopened from "Saved views" on a fresh list: the same filters, search and people
        browser.get(base + "/app/contacts.xhtml");
        assertThat(rows(browser).size()).isGreaterThan(1);
        assertThat(sortShown("lastActivity")).as("the default: latest activity first").isEqualTo("descending");
        assertThat(sortShown("name")).isEqualTo("none");
        browser.findElement(By.id("contacts-form:open-views")).click();
        await(browser).until(d -> !d.findElements(By.linkText(view)).isEmpty());
        Browser.clickToNavigate(browser, browser.findElement(By.linkText(view)));
        assertThat(browser.findElement(By.id("contacts-form:open-view")).getText()).isEqualTo("View: " + view);
        assertThat(browser.findElement(By.id("contacts-form:text")).getAttribute("value")).isEqualTo(lastName);
        assertThat(browser.findElement(By.id("contacts-form:abandoned_label")).getText())
                .isEqualTo("Left a checkout unfinished: " + SUMMIT_NAME);
        assertThat(rows(browser)).hasSize(1);
        assertThat(rows(browser).get(0)).contains("Lea " + lastName);
        // the column headers say the sort the view was saved with (A–Z by name), not the list's default
        assertThat(sortShown("name")).as("the name column's arrow").isEqualTo("ascending");
        assertThat(sortShown("lastActivity")).as("last activity is not the sort").isEqualTo("none");
        Browser.screenshot(browser, "crm-8-saved-view");

        // renamed, then removed; the segment too: the demo account as it was
        browser.findElement(By.id("contacts-form:open-views")).click();
        await(browser).until(d -> !d.findElements(By.xpath(row(view) + "//input")).isEmpty());
        browser.findElement(By.xpath(row(view) + "//input")).sendKeys("Renamed " + suffix);
        browser.findElement(By.xpath(row(view) + "//button[contains(@class,'rename-view-button')]")).click();
        await(browser).until(d -> !d.findElements(By.linkText("Renamed " + suffix)).isEmpty());
        browser.findElement(By.xpath(row("Renamed " + suffix) + "//button[contains(@class,'remove-view-button')]"))
                .click();
        await(browser).until(d -> d.findElements(By.linkText("Renamed " + suffix)).isEmpty());
        assertThat(query("select 1 from contact_views where name like ?", "%" + suffix)).isEmpty();
        execute("delete from segments where name = ?", segment);
    }

    /**
     * "Industry is Media and Budget ≥ 5000", on the demo's custom fields ("Sponsorship level is Gold and Company size
     * ≥ the largest Gold sponsor's"): two conditions narrow the list together
     * (exactly the count the database gives for both, fewer than for the first alone); a bad number in the second row
     * is named next to that row's value; the export carries both conditions.
     */
    @Test
    void severalCustomFieldConditionsNarrowTheListTogether() {
        String demo = "(select id from accounts where slug = 'demo')";
        String visible = " from contacts c where c.account_id = " + demo + " and c.erased_at is null"
                + " and c.merged_into_id is null and c.custom_fields ->> 'sponsorship_level' = 'Gold'";
        String size = "(case when jsonb_typeof(c.custom_fields -> 'company_size') = 'number'"
                + " then (c.custom_fields ->> 'company_size')::numeric end)";
        long gold = Long.parseLong(query("select count(*)" + visible).get(0));
        String biggest = query("select cast(max(" + size + ") as text)" + visible).get(0); // the largest sponsor
        long goldAndBig = Long.parseLong(query("select count(*)" + visible + " and " + size + " >= cast(? as numeric)",
                biggest).get(0));
        assertThat(goldAndBig).as("the demo has Gold sponsors of both sizes").isGreaterThan(0).isLessThan(gold);

        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/contacts.xhtml");
        browser.findElement(By.id("contacts-form:more-filters-button")).click();
        await(browser).until(d -> !d.findElements(By.id("contacts-form:customField")).isEmpty());
        Browser.chooseFromMenu(browser, "contacts-form:customField", "Sponsorship level");
        await(browser).until(d -> !d.findElements(By.id("contacts-form:customValue")).isEmpty());
        browser.findElement(By.id("contacts-form:customValue")).sendKeys("Gold");
        browser.findElement(By.id("contacts-form:filter")).click();
        await(browser).until(d -> d.findElement(By.id("contacts-form:match-count")).getText().equals(count(gold)));

        browser.findElement(By.id("contacts-form:add-custom-condition")).click();
        await(browser).until(d -> !d.findElements(By.id("contacts-form:customField2")).isEmpty());
        assertThat(browser.findElement(By.id("contacts-form:customValue")).getAttribute("value"))
                .as("the first condition as typed").isEqualTo("Gold");
        Browser.chooseFromMenu(browser, "contacts-form:customField2", "Company size");
        await(browser).until(d -> !d.findElements(By.id("contacts-form:customValue2")).isEmpty());
        browser.findElement(By.id("contacts-form:customValue2")).sendKeys("lots");
        browser.findElement(By.id("contacts-form:filter")).click();
        await(browser).until(d -> d.findElement(By.id("contacts-form:customValue2-message")).getText()
                .equals("Company size: Enter a number, e.g. 42 or 3.5 (\"lots\" is not)."));
        assertThat(browser.findElement(By.id("contacts-form:customValue-message")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("contacts-form:match-count")).getText()).isEqualTo(count(gold));

        browser.findElement(By.id("contacts-form:customValue2")).clear();
        browser.findElement(By.id("contacts-form:customValue2")).sendKeys(biggest);
        browser.findElement(By.id("contacts-form:filter")).click();
        await(browser).until(d -> d.findElement(By.id("contacts-form:match-count")).getText()
                .equals(count(goldAndBig)));
        assertThat(browser.findElement(By.id("contacts-form:export-contacts")).getAttribute("href"))
                .contains("custom_field=sponsorship_level").contains("custom_field=company_size")
                .contains("custom_value=" + biggest);
        Browser.screenshot(browser, "crm-9-two-custom-conditions");
    }

    private static String count(long n) {
        return String.format("%,d", n) + (n == 1 ? " contact" : " contacts");
    }

    /**
     * The sort a column header shows: "ascending" or "descending" (highlighted, with the arrow up or down), "none".
     */
    private String sortShown(String column) {
        WebElement header = browser.findElement(By.id("contacts-form:contacts:" + column));
        if (!header.getAttribute("class").contains("ui-state-active")) {
            return "none";
        }
        String icon = header.findElement(By.cssSelector(".ui-sortable-column-icon")).getAttribute("class");
        return icon.contains("ui-icon-triangle-1-n") ? "ascending" : icon.contains("ui-icon-triangle-1-s")
                ? "descending" : "active, no arrow: " + icon;
    }

    /** The row of a saved view in the list of views. */
    private static String row(String view) {
        return "//ul[@id='views']/li[a[normalize-space(.)='" + view + "']]";
    }

    private List<String> names() {
        List<String> shown = new ArrayList<>();
        browser.findElements(By.cssSelector("[id='contacts-form:contacts_data'] a.contact-link"))
                .forEach(link -> shown.add(link.getText()));
        return shown;
    }
}
