package io.eventos.ticketing.web.publicsite;

import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.ClientAddress;
import io.eventos.ticketing.service.CheckoutEvent;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.HoldView;
import io.eventos.ticketing.service.Money;
import io.eventos.ticketing.service.OrderRequest;
import io.eventos.ticketing.service.PaymentAttempt;
import io.eventos.ticketing.service.PlacedOrder;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /e/{account}/checkout/{hold token}}: the held tickets with a countdown, the buyer, one name per ticket,
 * consent, and payment. Placing the order and paying are two steps: a declined card keeps the order (and its
 * tickets) while the buyer tries again, and a resubmitted form finds the order it already placed.
 */
@Named
@ViewScoped
public class CheckoutPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CheckoutService checkout;

    private String accountSlug;
    private String holdToken;
    private HoldView hold;
    private String buyerName;
    private String buyerEmail;
    private List<AttendeeFields> attendees = new ArrayList<>();
    private boolean marketingConsent;
    private String payment = "test_card";
    private String card;
    private final String idempotencyKey = UUID.randomUUID().toString();
    private String orderToken;
    private CheckoutEvent event;
    /** The sentence of the last declined payment, shown at the top of the page after the post. */
    private String declined;

    @PostConstruct
    void load() {
        accountSlug = ShopRequest.attribute(ShopRequest.ACCOUNT_SLUG);
        holdToken = ShopRequest.attribute(ShopRequest.HOLD_TOKEN);
        hold = holdToken == null ? null : checkout.openCheckout(holdToken).orElse(null);
        if (hold != null) {
            hold.ticketSlots().forEach(line -> attendees.add(new AttendeeFields(line.name())));
            event = checkout.event(hold.eventId());
        }
    }

    /** f:viewAction: an unknown checkout link is not found; a used one shows its order. */
    public void require() throws IOException {
        if (hold == null) {
            Faces.responseSendError(404, "Not found");
        }
    }

    public void submit() throws IOException {
        declined = null;
        String baseUrl = BaseUrl.of(Faces.getRequest());
        try {
            List<OrderRequest.AttendeeName> names = attendees.stream()
                    .map(a -> new OrderRequest.AttendeeName(a.getFirstName(), a.getLastName(), a.getEmail()))
                    .toList();
            OrderRequest request = new OrderRequest(holdToken, buyerName, buyerEmail, names, marketingConsent,
                    isFree() ? null : payment, idempotencyKey,
                    Faces.getLocale() == null ? null : Faces.getLocale().toLanguageTag());
            if (orderToken != null) {
                // after a declined card: the buyer may have corrected their details or chosen another way to pay
                PlacedOrder changed = checkout.changePendingOrder(orderToken, request, baseUrl);
                if (!"pending".equals(changed.status()) || !"test_card".equals(changed.paymentProvider())) {
                    Faces.redirect(orderLink());
                    return;
                }
            } else {
                PlacedOrder placed = checkout.placeOrder(request, baseUrl);
                if (placed.accessToken() == null) {
                    Messages.addGlobalWarn("This order was already placed; its confirmation went to your email.");
                    return;
                }
                orderToken = placed.accessToken();
                if (placed.paid() || !"test_card".equals(placed.paymentProvider())) {
                    Faces.redirect(orderLink());
                    return;
                }
            }
            PaymentAttempt attempt = checkout.pay(orderToken, Map.of("card", card == null ? "" : card), baseUrl);
            if (attempt.paid()) {
                Faces.redirect(orderLink());
            } else {
                declined = attempt.problem();
                Messages.addError("checkout-form:card", attempt.problem());
            }
        } catch (SaleRefusedException refused) {
            switch (refused.field()) {
                case BUYER -> Messages.addError("checkout-form:" + ("name".equals(refused.subject()) ? "buyer-name"
                        : "buyer-email"), refused.getMessage());
                case ATTENDEE -> Messages.addError("checkout-form:attendees:" + refused.subject() + ":first-name",
                        refused.getMessage());
                case PAYMENT -> Messages.addError("checkout-form:payment", refused.getMessage());
                case HOLD -> {
                    hold = checkout.findHold(holdToken).orElse(hold);
                    Messages.addGlobalError(refused.getMessage());
                }
                default -> Messages.addGlobalError(refused.getMessage());
            }
        }
    }

    /** The address field lost focus with a value: the hold keeps it (an unfinished checkout can be followed up). */
    public void rememberEmail() {
        if (orderToken == null) {
            checkout.rememberEmail(holdToken, buyerEmail, ClientAddress.of(Faces.getRequest()));
        }
    }

    private String orderLink() {
        return ShopRequest.accountBase(accountSlug) + "/orders/" + orderToken;
    }

    public String money(long minor) {
        return Money.format(minor, hold.currency());
    }

    public boolean isFree() {
        return hold.totalMinor() == 0;
    }

    /** Milliseconds since the epoch when the hold ends, for the countdown script. */
    public long getExpiresAtMillis() {
        return hold.expiresAt().toEpochMilli();
    }

    public String getChooseAgainLink() {
        return ShopRequest.accountBase(accountSlug);
    }

    public CheckoutEvent getEvent() {
        return event;
    }

    /** When the event takes place, in its own time zone, as the order page and the tickets say it. */
    public String getWhen() {
        return TicketPdf.when(event.startsAt(), event.endsAt(), event.timeZone());
    }

    public String getEventLink() {
        return ShopRequest.accountBase(accountSlug) + "/" + event.eventSlug();
    }

    /** The clock time the hold ends, in the event's time zone (the countdown beside it gives the duration). */
    public String getExpiresAtTime() {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(hold.expiresAt().atZone(java.time.ZoneId.of(event.timeZone())));
    }

    public String getDeclined() {
        return declined;
    }

    public HoldView getHold() {
        return hold;
    }

    public boolean isPaymentStarted() {
        return orderToken != null;
    }

    public String getBuyerName() {
        return buyerName;
    }

    public void setBuyerName(String buyerName) {
        this.buyerName = buyerName;
    }

    public String getBuyerEmail() {
        return buyerEmail;
    }

    public void setBuyerEmail(String buyerEmail) {
        this.buyerEmail = buyerEmail;
    }

    public List<AttendeeFields> getAttendees() {
        return attendees;
    }

    public boolean isMarketingConsent() {
        return marketingConsent;
    }

    public void setMarketingConsent(boolean marketingConsent) {
        this.marketingConsent = marketingConsent;
    }

    public String getPayment() {
        return payment;
    }

    public void setPayment(String payment) {
        this.payment = payment == null ? null : payment.toLowerCase(Locale.ROOT);
    }

    public String getCard() {
        return card;
    }

    public void setCard(String card) {
        this.card = card;
    }

    /** One ticket's holder as typed in the form. */
    public static class AttendeeFields implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String ticketName;
        private String firstName;
        private String lastName;
        private String email;

        AttendeeFields(String ticketName) {
            this.ticketName = ticketName;
        }

        public String getTicketName() {
            return ticketName;
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

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }
}
