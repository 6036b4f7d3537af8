package io.eventos.crm.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates in a real browser on the demo account: a buyer and a contact typed in by hand with the same name (one
 * with an accent) and company are suggested as duplicates on the contact page and in the list of possible
 * duplicates; the owner compares them, takes the accented first name, merges, and the survivor's timeline holds both
 * histories (the order and the note) while the other leaves the list; "Undo merge" puts both back as they were.
 */
class ContactMergeJourneyIT extends BrowserTest {

    @Test
    void twoSimilarContactsAreSuggestedMergedWithBothHistoriesAndTheMergeIsUndone() {
        String suffix = ContactPages.letters(6);
        String lastName = "Berg" + suffix;
        String bought = "linnea-" + System.nanoTime() + "@example.org";
        String typed = "l.berg-" + System.nanoTime() + "@example.org";
        String orderCode = Browser.buyOneSummitTicket(browser, base.toString(), "Linnea", lastName, bought);

        signInAs(browser, DemoLogin.OWNER);
        // the buyer works at Fjord Labs
        String buyerPage = contactPage(lastName);
        browser.findElement(By.id("contact-form:company")).sendKeys("Fjord Labs");
        browser.findElement(By.id("contact-form:save")).click();
        ContactPages.await(browser).until(d -> d.findElement(By.id("messages")).getText().contains("Saved."));

        // a colleague types her in again, with an accent and another address, and notes a call
        browser.get(base + "/app/contact.xhtml");
        browser.findElement(By.id("contact-form:firstName")).sendKeys("Linnéa");
        browser.findElement(By.id("contact-form:lastName")).sendKeys(lastName.toUpperCase());
        browser.findElement(By.id("contact-form:email")).sendKeys(typed);
        browser.findElement(By.id("contact-form:company")).sendKeys(" fjord labs");
        Browser.clickToNavigate(browser, browser.findElement(By.id("contact-form:save")));
        String typedPage = browser.getCurrentUrl();
        browser.findElement(By.id("entry-form:entrySubject")).sendKeys("Asked about sponsoring " + suffix);
        browser.findElement(By.id("entry-form:add-entry")).click();
        ContactPages.await(browser).until(d -> ContactPages.timeline(browser).contains("Asked about sponsoring " + suffix));

        // the buyer's page suggests her twin; so does the list of possible duplicates
        browser.get(buyerPage);
        assertThat(browser.findElement(By.id("duplicates")).getText())
                .contains("Linnéa " + lastName.toUpperCase(), "same name and company", typed);
        assertThat(ContactPages.timeline(browser)).contains("Order " + orderCode).doesNotContain("Asked about sponsoring");
        Browser.screenshot(browser, "crm-merge-1-suggested");
        browser.get(base + "/app/contacts.xhtml");
        Browser.clickToNavigate(browser, browser.findElement(By.id("possible-duplicates")));
        assertThat(browser.findElement(By.id("duplicate-count")).getText()).contains("likely duplicate");
        browser.get(buyerPage);

        // compare: keep the buyer, take the accented first name; merge
        Browser.clickToNavigate(browser, browser.findElement(By.cssSelector("#duplicates .merge-link")));
        assertThat(browser.getCurrentUrl()).contains("/app/contact-merge.xhtml");
        assertThat(browser.findElement(By.id("merge-explained")).getText())
                .contains("Linnéa " + lastName.toUpperCase() + " will be merged into Linnea " + lastName);
        browser.findElement(By.cssSelector(".choice-firstName input[value='other']")).click();
        Browser.screenshot(browser, "crm-merge-2-compare");
        browser.manage().window().setSize(new Dimension(390, 844));
        Browser.screenshot(browser, "crm-merge-2-compare-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        Browser.clickToNavigate(browser, browser.findElement(By.id("merge-form:merge")));

        // the survivor: both histories, the chosen name, the merge listed with its undo
        assertThat(browser.getCurrentUrl()).endsWith(id(buyerPage));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("was merged into");
        assertThat(browser.findElement(By.id("contact-name")).getText()).isEqualTo("Linnéa " + lastName);
        assertThat(ContactPages.timeline(browser)).contains("Order " + orderCode, "Asked about sponsoring " + suffix);
        assertThat(browser.findElement(By.id("merges")).getText()).contains("Linnéa " + lastName.toUpperCase(),
                "1 timeline entry, 0 orders moved");
        assertThat(browser.findElements(By.id("duplicates"))).isEmpty();
        Browser.screenshot(browser, "crm-merge-3-merged");
        assertThat(search(lastName)).containsExactly("Linnéa " + lastName);
        browser.get(typedPage); // an old link to the merged contact opens the survivor
        assertThat(browser.getCurrentUrl()).endsWith(id(buyerPage));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("merged into this one");

        // undo: both back as before
        Browser.clickToNavigate(browser, browser.findElement(By.cssSelector("#merges .undo-merge")));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Merge undone");
        assertThat(browser.findElement(By.id("contact-name")).getText()).isEqualTo("Linnea " + lastName);
        assertThat(ContactPages.timeline(browser)).contains("Order " + orderCode).doesNotContain("Asked about sponsoring");
        assertThat(browser.findElement(By.id("merges")).getText()).contains("undone");
        Browser.screenshot(browser, "crm-merge-4-undone");
        browser.get(typedPage);
        assertThat(browser.findElement(By.id("contact-form:email")).getAttribute("value")).isEqualTo(typed);
        assertThat(ContactPages.timeline(browser)).contains("Asked about sponsoring " + suffix).doesNotContain("Order " + orderCode);
        assertThat(search(lastName)).containsExactlyInAnyOrder("Linnea " + lastName,
                "Linnéa " + lastName.toUpperCase());
    }

    /**
     * Two namesakes at one company are not one person: the owner says so on one's page, the suggestion leaves both
     * pages and the list of possible duplicates for good and shows under "Dismissed"; restored there, the pair is
     * suggested again; dismissed from the list itself, it leaves the list.
     */
    @Test
    void aPairThatIsNotADuplicateIsDismissedRestoredAndDismissedAgain() {
        String lastName = "Aho" + ContactPages.letters(6);
        signInAs(browser, DemoLogin.OWNER);
        String first = newContact("Aada", lastName, "aada-" + System.nanoTime() + "@example.org");
        String second = newContact("Aada", lastName, "a.aho-" + System.nanoTime() + "@example.org");

        browser.get(second);
        assertThat(browser.findElement(By.id("duplicates")).getText()).contains("Aada " + lastName);
        browser.findElement(By.cssSelector("#duplicates .dismiss-duplicate")).click();
        ContactPages.await(browser).until(d -> d.findElements(By.id("duplicates")).isEmpty());
        assertThat(browser.findElement(By.id("messages")).getText()).contains("no longer suggested as a duplicate");
        Browser.screenshot(browser, "crm-not-a-duplicate-1-dismissed");
        browser.get(first);
        assertThat(browser.findElements(By.id("duplicates"))).as("gone from the other's page too").isEmpty();

        browser.get(base + "/app/contact-duplicates.xhtml");
        assertThat(pairRows(lastName)).isEmpty();
        assertThat(browser.findElement(By.id("dismissed")).getText()).contains("Aada " + lastName, "Owner");
        Browser.screenshot(browser, "crm-not-a-duplicate-2-listed");
        Browser.clickToNavigate(browser, browser.findElement(By.xpath(
                "//li[contains(@class,'dismissed-pair')][contains(., '" + lastName + "')]//input[contains(@class,'restore-pair')]")));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("are compared again");
        assertThat(pairRows(lastName)).hasSize(1);
        browser.get(first);
        assertThat(browser.findElement(By.id("duplicates")).getText()).contains("Aada " + lastName);

        browser.get(base + "/app/contact-duplicates.xhtml");
        Browser.clickToNavigate(browser, pairRows(lastName).get(0).findElement(By.cssSelector(".dismiss-pair")));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("are no longer suggested as duplicates");
        assertThat(pairRows(lastName)).isEmpty();
        assertThat(browser.findElement(By.id("dismissed")).getText()).contains("Aada " + lastName);
        browser.get(second);
        assertThat(browser.findElements(By.id("duplicates"))).isEmpty();
    }

    /** Creates a contact at Kalevala Oy on its page; returns the page's address. */
    private String newContact(String firstName, String lastName, String email) {
        browser.get(base + "/app/contact.xhtml");
        browser.findElement(By.id("contact-form:firstName")).sendKeys(firstName);
        browser.findElement(By.id("contact-form:lastName")).sendKeys(lastName);
        browser.findElement(By.id("contact-form:email")).sendKeys(email);
        browser.findElement(By.id("contact-form:company")).sendKeys("Kalevala Oy");
        Browser.clickToNavigate(browser, browser.findElement(By.id("contact-form:save")));
        assertThat(browser.getCurrentUrl()).contains("id=");
        return browser.getCurrentUrl();
    }

    /** The rows of the list of possible duplicates that name this last name. */
    private List<org.openqa.selenium.WebElement> pairRows(String lastName) {
        return browser.findElements(By.cssSelector("#duplicate-pairs tr.pair")).stream()
                .filter(row -> row.getText().contains(lastName)).toList();
    }

    @Test
    void theRetentionPeriodRefusesADayCountItCannotMeanNextToTheFieldAndKeepsIt() {
        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/settings.xhtml");
        browser.findElement(By.id("retention-form:dataRetentionDays")).sendKeys("7");
        Browser.clickToNavigate(browser, browser.findElement(By.id("retention-form:save-retention")));
        assertThat(browser.findElement(By.id("retention-form:dataRetentionDays-message")).getText())
                .isEqualTo("Enter a number of days from 30 to 36500, or leave it empty to keep contacts.");
        assertThat(browser.findElement(By.id("retention-form:dataRetentionDays")).getAttribute("value"))
                .isEqualTo("7");
        Browser.screenshot(browser, "crm-retention-refused");
        // nothing saved: the demo keeps its contacts (a saved period would let the hourly job erase demo contacts)
        browser.get(base + "/app/settings.xhtml");
        assertThat(browser.findElement(By.id("retention-form:dataRetentionDays")).getAttribute("value")).isEmpty();
    }

    /** Opens the one contact the list's search finds for this text; returns its page's address. */
    private String contactPage(String text) {
        browser.get(base + "/app/contacts.xhtml");
        browser.findElement(By.id("contacts-form:text")).sendKeys(text);
        ContactPages.await(browser).until(d -> ContactPages.rows(d).size() == 1);
        Browser.clickToNavigate(browser, browser.findElement(
                By.cssSelector("[id='contacts-form:contacts_data'] a.contact-link")));
        return browser.getCurrentUrl();
    }

    private static String id(String contactPage) {
        return "id=" + contactPage.substring(contactPage.indexOf("id=") + 3);
    }

    /** The names the contact list shows for this search. */
    private List<String> search(String text) {
        browser.get(base + "/app/contacts.xhtml");
        browser.findElement(By.id("contacts-form:text")).sendKeys(text);
        ContactPages.await(browser).until(d -> d.findElement(By.id("contacts-form:match-count")).getText()
                .matches("[12] contacts?"));
        List<String> names = new ArrayList<>();
        browser.findElements(By.cssSelector("[id='contacts-form:contacts_data'] a.contact-link"))
                .forEach(link -> names.add(link.getText()));
        return names;
    }

}
