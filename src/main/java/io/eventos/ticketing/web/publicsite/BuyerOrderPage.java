package io.eventos.ticketing.web.publicsite;

import io.eventos.platform.qr.QrCodes;
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
 * the order, each ticket with its QR code, the PDF, the event in a calendar, and name corrections until the event
 * starts. A wrong or tampered link is a plain 404.
 */
@Named
@ViewScoped
public class BuyerOrderPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm",
            Locale.ENGLISH);

    @Inject
    transient CheckoutService checkout;

    private String token;
    private OrderTickets order;
    private UUID renaming;
    private String firstName;
    private String lastName;

    @PostConstruct
    void load() {
        token = ShopRequest.attribute(ShopRequest.ORDER_TOKEN);
        order = token == null ? null : checkout.order(token).orElse(null);
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
            order = checkout.order(token).orElse(order);
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
