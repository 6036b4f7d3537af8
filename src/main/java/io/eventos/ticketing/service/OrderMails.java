package io.eventos.ticketing.service;

import io.eventos.platform.mail.MailMessage;
import io.eventos.platform.mail.TransactionalMail;
import io.eventos.platform.persistence.OneStatement;
import io.eventos.platform.text.SafeHtml;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The emails a buyer gets about an order, written to the outbox in the action's transaction and delivered after the
 * commit ({@link TransactionalMail}): the confirmation with the tickets as a PDF (one page and one QR code per
 * ticket, made on delivery by {@link TicketsPdfAttachment} from the order as it was written) and the link to the private order page; for a bank
 * transfer first the "we are waiting for your payment" mail with the deadline.
 */
@ApplicationScoped
public class OrderMails {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm",
            Locale.ENGLISH);

    @Inject
    TransactionalMail mail;
    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The confirmation (topic "order.paid"), written now. */
    public void confirmation(OrderTickets order, String orderLink) {
        new OneStatement().query(em, confirmation(order, orderLink, null)).executeUpdate();
    }

    /**
     * The confirmation as a part of the statement that records the payment ({@link SalesTrail}), linked to its
     * audit entry.
     */
    public OneStatement.Part confirmation(OrderTickets order, String orderLink, UUID auditId) {
        int count = order.validTickets().size();
        String subject = "Your tickets for " + order.eventName() + " (order " + order.orderCode() + ")";
        String when = TicketPdf.when(order.startsAt(), order.endsAt(), order.timeZone());
        String where = where(order);
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(order.buyerName()).append(",\n\n")
                .append("thank you for your order ").append(order.orderCode()).append(". Your ")
                .append(count == 1 ? "ticket is" : count + " tickets are").append(" attached as a PDF.\n\n")
                .append(order.eventName()).append("\n").append(when).append("\n");
        if (where != null) {
            text.append(where).append("\n");
        }
        text.append("\nSee your order, download the tickets again or correct a name:\n").append(orderLink)
                .append("\n\nKeep this link to yourself: anyone who has it can see the order.\n\n")
                .append(order.accountName()).append("\n");
        String html = "<p>Hello " + SafeHtml.escape(order.buyerName()) + ",</p>"
                + "<p>thank you for your order <strong>" + SafeHtml.escape(order.orderCode()) + "</strong>. Your "
                + (count == 1 ? "ticket is" : count + " tickets are") + " attached as a PDF.</p>"
                + "<p><strong>" + SafeHtml.escape(order.eventName()) + "</strong><br>" + SafeHtml.escape(when)
                + (where == null ? "" : "<br>" + SafeHtml.escape(where)) + "</p>"
                + "<p><a href=\"" + SafeHtml.escape(orderLink) + "\">See your order and tickets</a></p>"
                + "<p>Keep this link to yourself: anyone who has it can see the order.</p>"
                + "<p>" + SafeHtml.escape(order.accountName()) + "</p>";
        // the PDF is made on delivery, after the commit: no lock waits for it
        return mail.insert("order.paid", auditId, new MailMessage(order.buyerEmail(), subject, text.toString(), html,
                List.of()), List.of(TicketsPdfAttachment.of(order)));
    }

    public void awaitingPayment(OrderTickets order, String orderLink) {
        String deadline = order.paymentDeadline() == null ? null
                : DEADLINE.format(order.paymentDeadline().atZone(ZoneId.of(order.timeZone()))) + " ("
                  + order.timeZone() + ")";
        String amount = Money.format(order.totalMinor(), order.currency());
        String subject = "Your order " + order.orderCode() + " for " + order.eventName() + " awaits payment";
        String text = "Hello " + order.buyerName() + ",\n\n"
                + "we have reserved your tickets. Please transfer " + amount + " with the reference "
                + order.orderCode() + (deadline == null ? "" : " by " + deadline) + "; the organizer confirms the "
                + "payment and then you receive your tickets.\n\n"
                + "Your order:\n" + orderLink + "\n\n" + order.accountName() + "\n";
        String html = "<p>Hello " + SafeHtml.escape(order.buyerName()) + ",</p>"
                + "<p>we have reserved your tickets. Please transfer <strong>" + SafeHtml.escape(amount)
                + "</strong> with the reference <strong>" + SafeHtml.escape(order.orderCode()) + "</strong>"
                + (deadline == null ? "" : " by " + SafeHtml.escape(deadline)) + "; the organizer confirms the "
                + "payment and then you receive your tickets.</p>"
                + "<p><a href=\"" + SafeHtml.escape(orderLink) + "\">Your order</a></p>"
                + "<p>" + SafeHtml.escape(order.accountName()) + "</p>";
        mail.send("order.awaiting_payment", new MailMessage(order.buyerEmail(), subject, text, html, List.of()));
    }

    /** The links to a buyer's orders, asked for by email address. */
    public void orderLinks(String to, List<java.util.Map.Entry<OrderTickets, String>> orders) {
        StringBuilder text = new StringBuilder("Hello,\n\nhere are the links to your orders:\n\n");
        StringBuilder html = new StringBuilder("<p>Hello,</p><p>here are the links to your orders:</p><ul>");
        for (var entry : orders) {
            OrderTickets o = entry.getKey();
            text.append(o.eventName()).append(" – order ").append(o.orderCode()).append("\n").append(entry.getValue())
                    .append("\n\n");
            html.append("<li><a href=\"").append(SafeHtml.escape(entry.getValue())).append("\">")
                    .append(SafeHtml.escape(o.eventName())).append(" – order ").append(SafeHtml.escape(o.orderCode()))
                    .append("</a></li>");
        }
        text.append("If you did not ask for this, you can ignore this email.\n");
        html.append("</ul><p>If you did not ask for this, you can ignore this email.</p>");
        mail.send("order.links_requested", new MailMessage(to, "Your orders at "
                + orders.get(0).getKey().accountName(), text.toString(), html.toString(), List.of()));
    }

    /**
     * The order is cancelled, by the buyer or by the organizer approving their refund request: what comes back and
     * how ({@code byHand}: the organizer transfers it, a bank-transfer order).
     */
    public void cancelled(OrderTickets order, String orderLink, long refundedMinor, boolean byHand) {
        String amount = Money.format(refundedMinor, order.currency());
        String money = refundedMinor <= 0 ? null : (byHand
                ? "The organizer transfers " + amount + " back to you."
                : amount + " is refunded to the card you paid with; banks take a few days to show it.")
                + (order.refundedMinor() > refundedMinor ? " Refunded in all: "
                + Money.format(order.refundedMinor(), order.currency()) + "." : "");
        String subject = "Your order " + order.orderCode() + " for " + order.eventName() + " is cancelled";
        String text = "Hello " + order.buyerName() + ",\n\n"
                + "your order " + order.orderCode() + " for " + order.eventName() + " is cancelled and its tickets "
                + "no longer work." + (money == null ? "" : " " + money) + "\n\n"
                + "Your order:\n" + orderLink + "\n\n" + order.accountName() + "\n";
        String html = "<p>Hello " + SafeHtml.escape(order.buyerName()) + ",</p>"
                + "<p>your order <strong>" + SafeHtml.escape(order.orderCode()) + "</strong> for "
                + SafeHtml.escape(order.eventName()) + " is cancelled and its tickets no longer work."
                + (money == null ? "" : " " + SafeHtml.escape(money)) + "</p>"
                + "<p><a href=\"" + SafeHtml.escape(orderLink) + "\">Your order</a></p>"
                + "<p>" + SafeHtml.escape(order.accountName()) + "</p>";
        mail.send("order.cancelled", new MailMessage(order.buyerEmail(), subject, text, html, List.of()));
    }

    /**
     * The organizer refunded some of the order's tickets (not all: that cancels the order, {@link #cancelled}): the
     * amount, whose tickets, what stays valid and how the money comes back.
     */
    public void refunded(OrderTickets order, String orderLink, long amountMinor, List<String> refundedNames,
                         boolean byHand) {
        String amount = Money.format(amountMinor, order.currency());
        String how = byHand ? "The organizer transfers " + amount + " back to you."
                : amount + " is refunded to the card you paid with; banks take a few days to show it.";
        int left = order.validTickets().size();
        String whose = String.join(", ", refundedNames);
        String subject = "Refund of " + amount + " for your order " + order.orderCode();
        String sentence = "the organizer of " + order.eventName() + " refunded " + amount + " of your order "
                + order.orderCode() + " (" + Money.format(order.totalMinor(), order.currency()) + "): "
                + (refundedNames.size() == 1 ? "the ticket of " : "the tickets of ") + whose
                + ", which no longer " + (refundedNames.size() == 1 ? "works" : "work") + ". " + how + " "
                + (left == 1 ? "1 ticket stays valid." : left + " tickets stay valid.")
                + " Refunded so far: " + Money.format(order.refundedMinor(), order.currency()) + ".";
        String text = "Hello " + order.buyerName() + ",\n\n" + sentence + "\n\nYour order:\n" + orderLink + "\n\n"
                + order.accountName() + "\n";
        String html = "<p>Hello " + SafeHtml.escape(order.buyerName()) + ",</p><p>" + SafeHtml.escape(sentence)
                + "</p><p><a href=\"" + SafeHtml.escape(orderLink) + "\">Your order</a></p>"
                + "<p>" + SafeHtml.escape(order.accountName()) + "</p>";
        mail.send("order.refunded", new MailMessage(order.buyerEmail(), subject, text, html, List.of()));
    }

    /** The buyer's refund request arrived; the organizer decides. */
    public void refundRequested(OrderTickets order, String orderLink) {
        String subject = "Your refund request for order " + order.orderCode();
        String text = "Hello " + order.buyerName() + ",\n\n"
                + "we received your request to cancel order " + order.orderCode() + " for " + order.eventName()
                + " and refund it. The organizer decides and you will hear back by email; until then your tickets "
                + "stay valid.\n\n"
                + "Your order:\n" + orderLink + "\n\n" + order.accountName() + "\n";
        String html = "<p>Hello " + SafeHtml.escape(order.buyerName()) + ",</p>"
                + "<p>we received your request to cancel order <strong>" + SafeHtml.escape(order.orderCode())
                + "</strong> for " + SafeHtml.escape(order.eventName()) + " and refund it. The organizer decides and "
                + "you will hear back by email; until then your tickets stay valid.</p>"
                + "<p><a href=\"" + SafeHtml.escape(orderLink) + "\">Your order</a></p>"
                + "<p>" + SafeHtml.escape(order.accountName()) + "</p>";
        mail.send("refund.requested", new MailMessage(order.buyerEmail(), subject, text, html, List.of()));
    }

    /** Tells the organizer (the event's organizer email, else the account's contact email) a request waits. */
    public void refundRequestToOrganizer(String to, OrderTickets order, String note, String organizerLink) {
        String subject = "Refund requested: order " + order.orderCode() + " for " + order.eventName();
        String text = order.buyerName() + " (" + order.buyerEmail() + ") asks to cancel order " + order.orderCode()
                + " and get " + Money.format(order.totalMinor() - order.refundedMinor(), order.currency()) + " back."
                + (note == null ? "" : "\n\nTheir reason: " + note) + "\n\nApprove or decline it here:\n"
                + organizerLink + "\n";
        String html = "<p>" + SafeHtml.escape(order.buyerName()) + " (" + SafeHtml.escape(order.buyerEmail())
                + ") asks to cancel order <strong>" + SafeHtml.escape(order.orderCode()) + "</strong> and get "
                + SafeHtml.escape(Money.format(order.totalMinor() - order.refundedMinor(), order.currency()))
                + " back.</p>" + (note == null ? "" : "<p>Their reason: " + SafeHtml.escape(note) + "</p>")
                + "<p><a href=\"" + SafeHtml.escape(organizerLink) + "\">Approve or decline the request</a></p>";
        mail.send("refund.requested", new MailMessage(to, subject, text, html, List.of()));
    }

    /** The organizer declined the refund request, with their sentence; the tickets stay valid. */
    public void refundDeclined(OrderTickets order, String orderLink, String reply) {
        String subject = "Your refund request for order " + order.orderCode();
        String text = "Hello " + order.buyerName() + ",\n\n"
                + "the organizer of " + order.eventName() + " declined your request to refund order "
                + order.orderCode() + ":\n\n" + reply + "\n\n"
                + "Your tickets stay valid. Your order:\n" + orderLink + "\n\n" + order.accountName() + "\n";
        String html = "<p>Hello " + SafeHtml.escape(order.buyerName()) + ",</p>"
                + "<p>the organizer of " + SafeHtml.escape(order.eventName()) + " declined your request to refund "
                + "order <strong>" + SafeHtml.escape(order.orderCode()) + "</strong>:</p>"
                + "<blockquote>" + SafeHtml.escape(reply) + "</blockquote>"
                + "<p>Your tickets stay valid. <a href=\"" + SafeHtml.escape(orderLink) + "\">Your order</a></p>"
                + "<p>" + SafeHtml.escape(order.accountName()) + "</p>";
        mail.send("refund.declined", new MailMessage(order.buyerEmail(), subject, text, html, List.of()));
    }

    private static String where(OrderTickets order) {
        if (order.venueName() != null) {
            return order.venueName() + (order.venueAddress() == null ? "" : ", " + order.venueAddress());
        }
        return order.onlineUrl() == null ? null : "Online: " + order.onlineUrl();
    }
}
