package io.eventos.ticketing.web.publicsite;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.QrReader;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.eventos.testing.TestDatabase.execute;
import static io.eventos.testing.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attendee buys two tickets on a phone-sized browser, logged out: event page → choose → checkout with a
 * countdown → a declined card, then a good one → the private order page; the email arrives with a PDF whose QR
 * codes are the tickets' codes; the link in it opens the order; the organizer finds the order, refunds one ticket
 * and sees the place back on sale.
 */
public class CheckoutIT extends BrowserTest {

    private static final Pattern ORDER_LINK = Pattern.compile("(https?://\\S+/e/demo/orders/[A-Za-z0-9_-]+)");

    private TestMail mail;

    @BeforeEach
    void open() {
        mail = TestServer.mail();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844)); // a phone
    }

    @Test
    void buyTwoTicketsGetThePdfByEmailAndTheOrganizerRefundsOne() throws Exception {
        String buyer = "ada-" + System.nanoTime() + "@example.org";
        long regularLeftBefore = available("Regular");

        browser.get(base + "/e/demo/product-summit");
        Browser.clickToNavigate(browser, browser.findElement(By.id("buy-tickets")));
        assertThat(browser.getCurrentUrl()).endsWith("/e/demo/product-summit/tickets");
        quantityOf("Regular").selectByVisibleText("2");
        Browser.screenshot(browser, "checkout-1-choose");
        Browser.submit(browser, By.id("tickets-form:continue"));
        assertThat(browser.getCurrentUrl()).contains("/e/demo/checkout/");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("2 × Regular", "€498.00");
        Browser.screenshot(browser, "checkout-1b-top");
        // the checkout names what is being bought: the event, when, where and who organizes it
        assertThat(browser.findElement(By.id("checkout-event")).getText())
                .contains("Nordic Product Summit", "Organized by Northwind Events")
                .containsPattern("\\d{4}");
        // the countdown is a duration, not a clock time
        new WebDriverWait(browser, Duration.ofSeconds(10), Browser.POLL).until(ExpectedConditions.textMatches(By.id("countdown"),
                Pattern.compile("^1[45]:\\d\\d min$")));
        assertThat(browser.findElement(By.cssSelector(".hold-timer")).getText())
                .startsWith("Your tickets are held for another").doesNotContain("until");
        assertThat(available("Regular")).as("held tickets count against capacity").isEqualTo(regularLeftBefore - 2);

        // bad input first: nothing typed is lost, the sentence sits next to the field
        browser.findElement(By.id("checkout-form:buyer-name")).sendKeys("Ada Lovelace");
        browser.findElement(By.id("checkout-form:buyer-email")).sendKeys("not-an-address");
        Browser.submit(browser, By.id("checkout-form:place-order"));
        assertThat(browser.findElement(By.id("checkout-form:buyer-email-message")).getText())
                .isEqualTo("“not-an-address” is not an email address we can send to.");
        assertThat(browser.findElement(By.id("checkout-form:buyer-name")).getAttribute("value")).isEqualTo("Ada Lovelace");

        WebElement email = browser.findElement(By.id("checkout-form:buyer-email"));
        email.clear();
        email.sendKeys(buyer);
        List<WebElement> firstNames = browser.findElements(By.cssSelector("input[id$=':first-name']"));
        List<WebElement> lastNames = browser.findElements(By.cssSelector("input[id$=':last-name']"));
        assertThat(firstNames).hasSize(2);
        firstNames.get(0).sendKeys("Ada");
        lastNames.get(0).sendKeys("Lovelace");
        firstNames.get(1).sendKeys("Charles");
        lastNames.get(1).sendKeys("Babbage");
        browser.findElement(By.id("checkout-form:card")).sendKeys("4000 0000 0000 0002");
        Browser.screenshot(browser, "checkout-2-details");
        Browser.submit(browser, By.id("checkout-form:place-order"));
        assertThat(browser.findElement(By.id("checkout-form:card-message")).getText()).contains("declined");
        assertThat(paidTickets(buyer)).as("a declined card sells nothing").isZero();
        // the answer is where the eye is: in the first screen, focused, announced (role=alert)
        WebElement problem = browser.findElement(By.id("checkout-form:checkout-problem"));
        assertThat(problem.getText()).contains("Your card was declined");
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        new WebDriverWait(browser, Duration.ofSeconds(5), Browser.POLL).until(d -> Browser.inFirstScreen(browser, problem));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("checkout-form:checkout-problem");
        Browser.screenshot(browser, "checkout-2b-declined");
        Browser.assertNoSeriousAccessibilityProblems(browser, "checkout after a decline");
        // and nothing is locked: the buyer corrects their name before trying another card
        WebElement name = browser.findElement(By.id("checkout-form:buyer-name"));
        assertThat(name.isEnabled()).isTrue();
        name.clear();
        name.sendKeys("Ada King");

        WebElement card = browser.findElement(By.id("checkout-form:card"));
        card.clear();
        card.sendKeys("4242 4242 4242 4242");
        Browser.submit(browser, By.id("checkout-form:place-order"));
        assertThat(browser.getCurrentUrl()).contains("/e/demo/orders/");
        assertThat(browser.findElement(By.id("order-status")).getText()).contains("Paid");
        assertThat(browser.findElements(By.cssSelector("img.qr"))).hasSize(2);
        assertThat(browser.findElement(By.id("amount-total")).getText()).isEqualTo("€498.00");
        assertThat(browser.findElement(By.id("amount-paid")).getText()).isEqualTo("€498.00 · by card");
        Browser.screenshot(browser, "checkout-3-order");
        Browser.assertNoSeriousAccessibilityProblems(browser, "order page");
        String orderCode = browser.findElement(By.id("order-code")).getText();
        assertThat(query("select buyer_name from orders where code = ?", orderCode))
                .as("the name corrected after the decline").containsExactly("Ada King");
        // each ticket's code as text, with its state; the buyer's email stays inside the green box on a phone
        assertThat(browser.findElements(By.cssSelector(".ticket-code")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrderElementsOf(ticketCodes(orderCode));
        assertThat(browser.findElements(By.cssSelector(".ticket-state")).stream().map(WebElement::getText).toList())
                .containsExactly("valid", "valid");
        assertInside(browser.findElement(By.cssSelector("#order-status .email")),
                browser.findElement(By.id("order-status")));
        String orderPage = browser.getCurrentUrl();

        MimeMessage confirmation = mail.awaitMessageTo(buyer, 0, Duration.ofSeconds(60));
        assertThat(confirmation.getSubject()).contains("Nordic Product Summit", orderCode);
        byte[] pdf = TestMail.attachment(confirmation, "application/pdf");
        assertThat(pdf).as("the tickets as a PDF").isNotNull();
        assertThat(QrReader.qrCodesOfPdf(pdf)).containsExactlyInAnyOrderElementsOf(ticketCodes(orderCode));

        Matcher link = ORDER_LINK.matcher(TestMail.text(confirmation));
        assertThat(link.find()).isTrue();
        ChromeDriver other = anotherBrowser();
        other.get(link.group(1));
        assertThat(other.findElement(By.id("order-code")).getText()).isEqualTo(orderCode);
        other.get(link.group(1).substring(0, link.group(1).length() - 3) + "xyz");
        assertThat(other.getPageSource()).doesNotContain(orderCode);

        // the organizer refunds one of the two tickets
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/orders.xhtml?event=" + eventId());
        browser.findElement(By.id("orders-form:text")).sendKeys(buyer);
        WebElement unfiltered = browser.findElement(By.id("orders-form:orders"));
        browser.findElement(By.id("orders-form:filter")).click();
        // the new order also heads the unfiltered list: wait for the filtered table, or the link found goes stale
        new WebDriverWait(browser, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.stalenessOf(unfiltered));
        new WebDriverWait(browser, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("orders-form:orders"), orderCode));
        // the filters are labelled, and the table has no unlabelled row of filter boxes
        assertThat(browser.findElement(By.cssSelector("label[for='orders-form:text']")).getText()).isEqualTo("Search");
        assertThat(browser.findElements(By.cssSelector("[id='orders-form:orders'] thead input"))).isEmpty();
        // a drop-down is announced by its label, not by its current value ("Any status")
        new WebDriverWait(browser, Duration.ofSeconds(10), Browser.POLL).until(d -> !d.findElements(
                By.cssSelector("[id='orders-form:status'] [role='combobox'][aria-labelledby]")).isEmpty());
        List<WebElement> combobox = browser.findElements(By.cssSelector("[id='orders-form:status'] [role='combobox']"));
        assertThat(combobox).isNotEmpty();
        // PrimeFaces writes the chosen item into aria-label; aria-labelledby (which wins) names the field's label
        assertThat(combobox).allSatisfy(c -> assertThat(browser.findElement(By.id(c.getAttribute("aria-labelledby")))
                .getText()).isEqualTo("Status"));
        Browser.screenshot(browser, "orders-list-laptop");
        Browser.assertNoSeriousAccessibilityProblems(browser, "orders list");
        Browser.clickToNavigate(browser, browser.findElement(By.linkText(orderCode)));
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("paid");
        long before = available("Regular");
        WebElement refundChoice = browser.findElement(By.cssSelector("[id='order-form:refund-tickets'] label"));
        String refundedName = refundChoice.getText().replaceFirst("^Refund (.+) \\(Regular.*$", "$1");
        assertThat(refundedName).isIn("Ada Lovelace", "Charles Babbage");
        refundChoice.click();
        browser.findElement(By.id("order-form:refund")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10), Browser.POLL).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirmdialog-yes"))).click();
        new WebDriverWait(browser, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("order-form:messages"), "refunded for 1 ticket"));
        assertThat(browser.findElement(By.id("total")).getText()).contains("€249.00 refunded");
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("partly refunded");
        assertThat(available("Regular")).as("the refunded place is on sale again").isEqualTo(before + 1);
        // the history in sentences, without JSON or provider ids
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains("Paid €498.00 by card", "Refunded €249.00 for " + refundedName)
                .doesNotContain("test_card", "{");
        Browser.screenshot(browser, "checkout-4-refunded");
        Browser.assertNoSeriousAccessibilityProblems(browser, "organizer order page");

        // the buyer is mailed the amount, and their page says what happened
        MimeMessage refundMail = mail.awaitMessageTo(buyer, 1, Duration.ofSeconds(60));
        assertThat(refundMail.getSubject()).isEqualTo("Refund of €249.00 for your order " + orderCode);
        assertThat(TestMail.text(refundMail)).contains("refunded €249.00", refundedName, "1 ticket stays valid");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(orderPage);
        assertThat(browser.findElement(By.id("order-status")).getText())
                .startsWith("Partly refunded: €249.00 of €498.00").doesNotContain("Paid — see you there");
        assertThat(browser.findElement(By.id("amount-refunded")).getText()).isEqualTo("€249.00");
        assertThat(browser.findElements(By.cssSelector(".ticket-state")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("valid", "refunded, no longer valid");
        Browser.screenshot(browser, "checkout-5-partly-refunded-phone");
        Browser.assertNoSeriousAccessibilityProblems(browser, "order page after a partial refund");
    }

    @Test
    void afterADeclinedCardTheBuyerSwitchesToBankTransferWithoutStartingOver() throws Exception {
        String buyer = "grace-" + System.nanoTime() + "@example.org";
        browser.get(base + "/e/demo/product-summit/tickets");
        quantityOf("Regular").selectByVisibleText("1");
        Browser.submit(browser, By.id("tickets-form:continue"));
        browser.findElement(By.id("checkout-form:buyer-name")).sendKeys("Grace Hopper");
        browser.findElement(By.id("checkout-form:buyer-email")).sendKeys(buyer);
        browser.findElement(By.cssSelector("input[id$=':first-name']")).sendKeys("Grace");
        browser.findElement(By.cssSelector("input[id$=':last-name']")).sendKeys("Hopper");
        browser.findElement(By.id("checkout-form:card")).sendKeys("4000 0000 0000 0002");
        Browser.submit(browser, By.id("checkout-form:place-order"));
        WebElement problem = browser.findElement(By.id("checkout-form:checkout-problem"));
        new WebDriverWait(browser, Duration.ofSeconds(5), Browser.POLL).until(d -> Browser.inFirstScreen(browser, problem));

        browser.findElement(By.xpath("//label[starts-with(normalize-space(.), 'Bank transfer')]")).click();
        Browser.submit(browser, By.id("checkout-form:place-order"));
        assertThat(browser.getCurrentUrl()).contains("/e/demo/orders/");
        assertThat(browser.findElement(By.id("order-status")).getText()).startsWith("Waiting for your payment of €249.00");
        assertThat(browser.findElement(By.id("amount-paid")).getText()).isEqualTo("€0.00");
        assertThat(browser.findElements(By.cssSelector(".ticket-state")).stream().map(WebElement::getText).toList())
                .containsExactly("valid once paid");
        assertThat(query("select payment_provider from orders where buyer_email = ?", buyer)).containsExactly("offline");
        MimeMessage instructions = mail.awaitMessageTo(buyer, 0, Duration.ofSeconds(60));
        assertThat(TestMail.text(instructions)).contains("€249.00");
        Browser.screenshot(browser, "checkout-6-switched-to-transfer");
        // give the place back for the other tests
        execute("update orders set status = 'cancelled', cancelled_at = now() where buyer_email = ?", buyer);
        execute("update attendees set status = 'cancelled' where order_id in (select id from orders where buyer_email = ?)",
                buyer);
    }

    @Test
    void anExpiredHoldExplainsWhatHappenedAndOffersToStartAgain() throws Exception {
        browser.get(base + "/e/demo/product-summit/tickets");
        quantityOf("Regular").selectByVisibleText("1");
        Browser.submit(browser, By.id("tickets-form:continue"));
        String checkout = browser.getCurrentUrl();
        String token = checkout.substring(checkout.lastIndexOf('/') + 1);
        execute("update holds set expires_at = now() - interval '1 second' where token = ?", token);
        browser.get(checkout);
        assertThat(browser.findElement(By.id("expired-text")).getText())
                .contains("held for 15 minutes and that time ran out");
        assertThat(browser.findElements(By.id("checkout-form"))).isEmpty();
        Browser.clickToNavigate(browser, browser.findElement(By.id("choose-again")));
        assertThat(browser.getCurrentUrl()).endsWith("/e/demo");
        browser.get(base + "/e/demo/checkout/" + "A".repeat(32));
        assertThat(browser.getPageSource()).contains("not found");
    }

    /** The element's box lies within the container's box (nothing runs out of it sideways). */
    private void assertInside(WebElement element, WebElement container) {
        org.openqa.selenium.Rectangle inner = element.getRect();
        org.openqa.selenium.Rectangle outer = container.getRect();
        assertThat(inner.getX() + inner.getWidth()).as("right edge inside its box").isLessThanOrEqualTo(outer.getX() + outer.getWidth());
        assertThat(inner.getX()).isGreaterThanOrEqualTo(outer.getX());
    }

    private Select quantityOf(String ticketName) {
        WebElement label = browser.findElement(By.xpath("//label[contains(@class,'ticket-name')][normalize-space(.)='"
                + ticketName + "']"));
        return new Select(browser.findElement(By.id(label.getAttribute("for"))));
    }

    public static String eventId() {
        return query("select e.id::text from events e join accounts a on a.id = e.account_id "
                + "where a.slug = 'demo' and e.slug = 'product-summit'").get(0);
    }

    /** What is left of a demo summit ticket type, counted like the checkout does. */
    static long available(String ticketName) {
        return Long.parseLong(query("""
                select t.quantity
                       - (select count(*) from attendees a join orders o on o.id = a.order_id
                          where a.ticket_id = t.id and a.status = 'valid'
                            and (o.status = 'paid' or (o.status = 'pending' and o.payment_deadline > now())))
                       - (select coalesce(sum(hl.quantity), 0) from hold_lines hl join holds h on h.id = hl.hold_id
                          where hl.ticket_id = t.id and h.status = 'active' and h.expires_at > now())
                from tickets t join events e on e.id = t.event_id join accounts a on a.id = t.account_id
                where a.slug = 'demo' and e.slug = 'product-summit' and t.name = ?""", ticketName).get(0));
    }

    private static long paidTickets(String buyerEmail) {
        return Long.parseLong(query("""
                select count(*) from attendees a join orders o on o.id = a.order_id
                where o.buyer_email = ? and o.status = 'paid'""", buyerEmail).get(0));
    }

    private static List<String> ticketCodes(String orderCode) {
        return query("select a.code from attendees a join orders o on o.id = a.order_id where o.code = ?", orderCode);
    }
}
