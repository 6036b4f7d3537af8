package io.eventos.ticketing.web.publicsite;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.eventos.testing.TestDatabase.execute;
import static io.eventos.testing.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer cancels from the private order page on a phone, as the event's cancellation policy allows, which the
 * organizer sets on the tickets page: with "cancel and get a full refund" the buyer pays by card, opens the order
 * from the emailed link, cancels in two steps, sees the refund, gets the email, and the place is on sale again; with
 * "refund on request" the buyer asks with a reason and the organizer approves it on the order's page.
 */
class BuyerCancellationJourneyIT extends BrowserTest {

    private static final Pattern ORDER_LINK = Pattern.compile("(https?://\\S+/e/demo/orders/[A-Za-z0-9_-]+)");

    private TestMail mail;
    private ChromeDriver organizer;
    private ChromeDriver phone;

    @BeforeEach
    void open() {
        mail = TestServer.mail();
        organizer = browser;
        phone = anotherBrowser();
        phone.manage().window().setSize(new Dimension(412, 915));
    }

    @AfterEach
    void close() throws Exception {
        // the demo summit goes back to the default policy for the other journeys
        execute("update events set settings = settings - 'cancellation' where id = ?::uuid", CheckoutIT.eventId());
    }

    @Test
    void withFullRefundsTheBuyerCancelsAndThePlaceIsOnSaleAgain() throws Exception {
        signInAndSetPolicy(1, "2", "days");
        assertThat(organizer.findElement(By.id("policy-form:policy-messages")).getText())
                .contains("Buyers can cancel until 2 days before the start and are refunded in full at once.");

        String buyer = "grace-" + System.nanoTime() + "@example.org";
        String orderCode = Browser.buyOneSummitTicket(phone, base.toString(), buyer);
        long left = CheckoutIT.available("Regular");

        openOrderFromTheEmail(buyer);
        assertThat(phone.findElement(By.id("cancellation-terms")).getText())
                .startsWith("You can cancel this order until ").endsWith(" and get €249.00 back.");
        phone.findElement(By.id("order-form:start-cancel")).click();
        WebElement confirm = new WebDriverWait(phone, Duration.ofSeconds(20), Browser.POLL)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-text")));
        assertThat(confirm.getText()).contains("Cancel order " + orderCode + "?", "you get €249.00 back");
        Browser.screenshot(phone, "cancel-1-confirm");
        int mailsBefore = mail.messagesTo(buyer).size();
        phone.findElement(By.id("order-form:confirm")).click();
        new WebDriverWait(phone, Duration.ofSeconds(30), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("order-form:messages"), "Your order is cancelled and €249.00 is refunded to the card you paid with."));
        assertThat(phone.findElement(By.id("order-status")).getText())
                .isEqualTo("This order was cancelled and €249.00 refunded.");
        assertThat(phone.findElements(By.id("order-form:start-cancel"))).as("nothing left to cancel").isEmpty();
        assertThat(phone.findElements(By.cssSelector("img.qr"))).as("the ticket no longer shows a code").isEmpty();
        Browser.screenshot(phone, "cancel-2-cancelled");

        MimeMessage cancelled = mail.awaitMessageTo(buyer, mailsBefore, Duration.ofSeconds(60));
        assertThat(cancelled.getSubject()).isEqualTo("Your order " + orderCode + " for Nordic Product Summit is cancelled");
        assertThat(TestMail.text(cancelled)).contains("€249.00 is refunded to the card you paid with");
        assertThat(CheckoutIT.available("Regular")).as("the place is on sale again").isEqualTo(left + 1);

        // the organizer sees who did it
        organizer.get(base + "/app/order.xhtml?id=" + orderId(orderCode));
        assertThat(organizer.findElement(By.id("order-status")).getText()).isEqualTo("cancelled");
        assertThat(organizer.findElement(By.id("history")).getText())
                .containsPattern("Refunded €[0-9.,]+ for .+ \\(by the buyer\\); the order is cancelled\\s+the buyer");
    }

    @Test
    void onRequestTheBuyerAsksAndTheOrganizerApproves() throws Exception {
        signInAndSetPolicy(2, "36", "hours");
        assertThat(organizer.findElement(By.id("policy-summary")).getText())
                .isEqualTo("Buyers can ask for a refund until 36 hours before the start; you approve or decline each request.");

        String buyer = "alan-" + System.nanoTime() + "@example.org";
        String orderCode = Browser.buyOneSummitTicket(phone, base.toString(), buyer);
        openOrderFromTheEmail(buyer);
        assertThat(phone.findElement(By.id("cancellation-terms")).getText())
                .startsWith("You can ask for a refund of €249.00 until ");
        phone.findElement(By.id("order-form:start-cancel")).click();
        WebElement reason = new WebDriverWait(phone, Duration.ofSeconds(20), Browser.POLL)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("order-form:reason")));
        reason.sendKeys("My flight was cancelled.");
        int mailsBefore = mail.messagesTo(buyer).size();
        phone.findElement(By.id("order-form:send-request")).click();
        new WebDriverWait(phone, Duration.ofSeconds(30), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("order-form:messages"), "Your request was sent."));
        assertThat(phone.findElement(By.id("cancellation-terms")).getText()).startsWith("You asked for a refund on ");
        assertThat(phone.findElement(By.id("order-status")).getText()).as("still valid until decided").contains("Paid");
        Browser.screenshot(phone, "cancel-3-requested");
        assertThat(mail.awaitMessageTo(buyer, mailsBefore, Duration.ofSeconds(60)).getSubject())
                .isEqualTo("Your refund request for order " + orderCode);

        // the organizer finds it with the filter and approves it
        organizer.get(base + "/app/orders.xhtml?event=" + CheckoutIT.eventId());
        Browser.chooseFromMenu(organizer, "orders-form:status", "Refund requested");
        organizer.findElement(By.id("orders-form:text")).sendKeys(buyer);
        WebElement unfiltered = organizer.findElement(By.id("orders-form:orders"));
        organizer.findElement(By.id("orders-form:filter")).click();
        new WebDriverWait(organizer, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.stalenessOf(unfiltered));
        new WebDriverWait(organizer, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("orders-form:orders"), "refund requested"));
        Browser.clickToNavigate(organizer, organizer.findElement(By.linkText(orderCode)));
        assertThat(organizer.findElement(By.id("refund-request-text")).getText())
                .startsWith("Refund requested on ").endsWith(": My flight was cancelled.");
        long left = CheckoutIT.available("Regular");
        mailsBefore = mail.messagesTo(buyer).size();
        organizer.findElement(By.id("order-form:approve-refund")).click();
        new WebDriverWait(organizer, Duration.ofSeconds(10), Browser.POLL).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirmdialog-yes"))).click();
        new WebDriverWait(organizer, Duration.ofSeconds(30), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("order-form:messages"), "Request approved: €249.00 refunded"));
        Browser.screenshot(organizer, "cancel-4-approved");
        assertThat(organizer.findElement(By.id("order-status")).getText()).isEqualTo("cancelled");
        assertThat(organizer.findElements(By.id("order-form:approve-refund"))).as("answered").isEmpty();
        assertThat(CheckoutIT.available("Regular")).isEqualTo(left + 1);
        assertThat(TestMail.text(mail.awaitMessageTo(buyer, mailsBefore, Duration.ofSeconds(60))))
                .contains("is cancelled", "€249.00 is refunded");

        phone.navigate().refresh();
        assertThat(phone.findElement(By.id("order-status")).getText())
                .isEqualTo("This order was cancelled and €249.00 refunded.");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Signs the owner in and sets the summit's policy: radio {@code choice} (0 none, 1 refund, 2 request). */
    private void signInAndSetPolicy(int choice, String amount, String unit) throws Exception {
        signInAs(organizer, DemoLogin.OWNER);
        organizer.get(base + "/app/tickets.xhtml?event=" + CheckoutIT.eventId());
        assertThat(organizer.findElement(By.id("policy-summary")).getText())
                .isEqualTo("Buyers cannot cancel their orders themselves; they write to you.");
        organizer.findElement(By.cssSelector("label[for='policy-form:policy:" + choice + "']")).click();
        WebElement before = organizer.findElement(By.id("policy-form:before"));
        before.clear();
        before.sendKeys("abc");
        organizer.findElement(By.id("policy-form:save-policy")).click();
        new WebDriverWait(organizer, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("policy-form:before-message"), "Enter a whole number."));
        before = organizer.findElement(By.id("policy-form:before"));
        before.clear();
        before.sendKeys(amount);
        Browser.chooseFromMenu(organizer, "policy-form:unit", unit);
        organizer.findElement(By.id("policy-form:save-policy")).click();
        new WebDriverWait(organizer, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("policy-form:policy-messages"), "Cancellation policy saved."));
    }

    /** Opens the order page through the link in the confirmation email, in a fresh phone-sized browser tab. */
    private void openOrderFromTheEmail(String buyer) {
        MimeMessage confirmation = mail.awaitMessageTo(buyer, 0, Duration.ofSeconds(60));
        Matcher link = ORDER_LINK.matcher(TestMail.text(confirmation));
        assertThat(link.find()).isTrue();
        phone.manage().deleteAllCookies();
        phone.get(link.group(1));
    }

    private static String orderId(String orderCode) throws Exception {
        return query("select id::text from orders where code = ?", orderCode).get(0);
    }
}
