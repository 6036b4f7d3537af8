package io.eventos.ticketing.web.publicsite;

import io.eventos.platform.qr.QrCodes;
import io.eventos.platform.web.BaseUrl;
import io.eventos.ticketing.service.BuyerCancellationService;
import io.eventos.ticketing.service.BuyerCancelled;
import io.eventos.ticketing.service.CancellationTerms;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.Money;
import io.eventos.ticketing.service.OrderTickets;
import io.eventos.ticketing.service.SaleRefusedException;
import io.eventos.ticketing.service.TicketPdf;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /e/{account}/orders/{token}}: the buyer's private order page, reached by the secret link in the email:
 * the order, each ticket with its QR code, the PDF, the event in a calendar, name corrections until the event
 * starts, and cancelling (or asking for a refund) as the event's policy allows, in two steps: the button opens the
 * confirmation with what comes back, then "Yes, cancel". A wrong or tampered link is a plain 404.
 */
@Named
@ViewScoped
public class BuyerOrderPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm",
            Locale.ENGLISH);

    @Inject
    transient CheckoutService checkout;

    @Inject
    transient BuyerCancellationService cancellations;

    private String token;
    private OrderTickets order;
    private UUID renaming;
    private String firstName;
    private String lastName;
    private CancellationTerms terms;
    private boolean confirming;
    private String reason;

    @PostConstruct
    void load() {
        token = ShopRequest.attribute(ShopRequest.ORDER_TOKEN);
        order = token == null ? null : checkout.order(token).orElse(null);
        terms = order == null ? null : cancellations.terms(token).orElse(null);
    }

    private void reload() {
        order = checkout.order(token).orElse(order);
        terms = cancellations.terms(token).orElse(terms);
    }

    /** First step: shows what cancelling means (or the request form) with the button that does it. */
    public void startCancel() {
        confirming = true;
    }

    public void keep() {
        confirming = false;
        reason = null;
    }

    /** Second step: cancels (and refunds) as the policy allows; a second click finds it already done. */
    public void cancel() {
        try {
            BuyerCancelled done = cancellations.cancel(token, BaseUrl.of(Faces.getRequest()));
            Messages.addGlobalInfo(done.sentence());
            confirming = false;
        } catch (SaleRefusedException refused) {
            Messages.addGlobalError(refused.getMessage());
            confirming = false;
        }
        reload();
    }

    public void requestRefund() {
        try {
            cancellations.requestRefund(token, reason, BaseUrl.of(Faces.getRequest()));
            Messages.addGlobalInfo("Your request was sent. The organizer decides and answers by email; until then "
                    + "your tickets stay valid.");
            confirming = false;
            reason = null;
        } catch (SaleRefusedException refused) {
            if ("reason".equals(refused.subject())) {
                Messages.addError("order-form:reason", refused.getMessage());
                return;
            }
            Messages.addGlobalError(refused.getMessage());
            confirming = false;
        }
        reload();
    }

    public void require() throws IOException {
        if (order == null) {
            Faces.responseSendError(404, "Not found");
        }
    }

    public void startRename(OrderTickets.Ticket ticket) {
        renaming = ticket.attendeeId();
        firstName = ticket.firstName();
        lastName = ticket.lastName();
    }

    public void rename() {
        try {
            checkout.renameAttendee(token, renaming, firstName, lastName);
            Messages.addGlobalInfo("The ticket now reads " + firstName.strip() + " " + lastName.strip()
                    + ". Download the PDF again to print the new name.");
            renaming = null;
            reload();
        } catch (SaleRefusedException refused) {
            Messages.addError("order-form:first-name", refused.getMessage());
        }
    }

    public boolean isRenaming(OrderTickets.Ticket ticket) {
        return ticket.attendeeId().equals(renaming);
    }

    public boolean isChangeable() {
        return order.paid() && order.startsAt().isAfter(Instant.now());
    }

    public String qr(OrderTickets.Ticket ticket) {
        return QrCodes.dataUri(ticket.code());
    }

    public String getWhen() {
        return TicketPdf.when(order.startsAt(), order.endsAt(), order.timeZone());
    }

    public String getDeadline() {
        return order.paymentDeadline() == null ? null
                : DEADLINE.format(order.paymentDeadline().atZone(ZoneId.of(order.timeZone())));
    }

    public String getTotal() {
        return Money.format(order.totalMinor(), order.currency());
    }

    public String getPdfLink() {
        return ShopRequest.accountBase(order.accountSlug()) + "/orders/" + token + "/tickets.pdf";
    }

    public String getCalendarLink() {
        return ShopRequest.accountBase(order.accountSlug()) + "/" + order.eventSlug() + ".ics";
    }

    public String getEventLink() {
        return ShopRequest.accountBase(order.accountSlug()) + "/" + order.eventSlug();
    }

    public OrderTickets getOrder() {
        return order;
    }

    public CancellationTerms getTerms() {
        return terms;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public int getMaxReason() {
        return BuyerCancellationService.MAX_NOTE;
    }

    /** What was paid: the total of a paid order, nothing before the payment (a free order pays nothing). */
    public String getPaid() {
        return Money.amount(order.paid() || order.refundedMinor() > 0 ? order.totalMinor() : 0, order.currency());
    }

    /** "by card" / "by bank transfer" once something was paid; null for a free or unpaid order. */
    public String getPaymentMethod() {
        if (order.totalMinor() == 0 || !(order.paid() || order.refundedMinor() > 0)) {
            return null;
        }
        return "offline".equals(order.paymentProvider()) ? "by bank transfer" : "by card";
    }

    public long getValidCount() {
        return order.validTickets().size();
    }

    /** A ticket's state as its holder reads it. */
    public String ticketState(OrderTickets.Ticket ticket) {
        return switch (ticket.status()) {
            case "valid" -> order.paid() ? "valid" : "valid once paid";
            case "refunded" -> "refunded, no longer valid";
            case "cancelled" -> "cancelled, no longer valid";
            default -> ticket.status();
        };
    }

    public String getRefunded() {
        return Money.amount(order.refundedMinor(), order.currency());
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }
}
