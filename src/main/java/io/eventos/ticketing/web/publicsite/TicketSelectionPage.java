package io.eventos.ticketing.web.publicsite;

import io.eventos.event.service.PublicEvent;
import io.eventos.event.service.PublicEventService;
import io.eventos.ticketing.service.Cart;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.HoldView;
import io.eventos.ticketing.service.Money;
import io.eventos.ticketing.service.SaleRefusedException;
import io.eventos.ticketing.service.TicketCatalog;
import io.eventos.event.service.TicketOffer;
import io.eventos.platform.web.ClientAddress;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * {@code /e/{account}/{event}/tickets}: the buyer chooses how many of each ticket type (and may enter a promo
 * code, which can also unlock hidden types); "Continue" holds them and opens the checkout.
 */
@Named
@ViewScoped
public class TicketSelectionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Session attribute (+ the event id) naming the session's last hold of the event. */
    static final String OPEN_HOLD = "eventos.open-hold.";

    @Inject
    transient PublicEventService events;
    @Inject
    transient TicketCatalog catalog;
    @Inject
    transient CheckoutService checkout;

    private String accountSlug;
    private UUID eventId;
    private String eventName;
    private String eventSlug;
    private boolean onSale;
    private List<TicketOffer> offers = List.of();
    private final Map<String, Integer> quantities = new HashMap<>();
    private String promoCode;
    private String appliedCode;

    @PostConstruct
    void load() {
        accountSlug = ShopRequest.attribute(ShopRequest.ACCOUNT_SLUG);
        PublicEvent event = events.findEvent(String.valueOf(ShopRequest.attribute(ShopRequest.EVENT_SLUG)))
                .orElse(null);
        if (event == null) {
            return;
        }
        eventId = event.id();
        eventName = event.name();
        eventSlug = event.slug();
        onSale = "PUBLISHED".equals(String.valueOf(event.status()));
        offers = catalog.offers(eventId, null);
        Faces.getRequestParameterMap().forEach((name, value) -> {
            if (name.startsWith("q-")) {
                try {
                    quantities.put(name.substring(2), Integer.parseInt(value));
                } catch (NumberFormatException ignored) {
                    // a hand-made link; the field starts at 0
                }
            }
        });
    }

    /** f:viewAction: an event that is not public is not found. */
    public void require() throws IOException {
        if (eventId == null) {
            Faces.responseSendError(404, "Not found");
        }
    }

    public void applyCode() {
        if (promoCode == null || promoCode.isBlank()) {
            appliedCode = null;
            offers = catalog.offers(eventId, null);
            return;
        }
        try {
            offers = catalog.offers(eventId, promoCode.strip());
            appliedCode = promoCode.strip();
            Messages.addInfo("tickets-form:promo-code", "The code " + appliedCode + " is applied.");
        } catch (SaleRefusedException refused) {
            appliedCode = null;
            Messages.addError("tickets-form:promo-code", refused.getMessage());
        }
    }

    public void next() throws IOException {
        Map<UUID, Integer> wanted = new HashMap<>();
        quantities.forEach((id, quantity) -> {
            if (quantity != null && quantity > 0) {
                wanted.put(UUID.fromString(id), quantity);
            }
        });
        String code = promoCode == null || promoCode.isBlank() ? null : promoCode.strip();
        try {
            // one checkout per browser session and event: choosing again gives the tickets of the last one back
            String sessionKey = OPEN_HOLD + eventId;
            String previous = Faces.getSessionAttribute(sessionKey);
            if (previous != null) {
                checkout.release(previous);
            }
            HoldView hold = checkout.reserve(new Cart(eventId, wanted, code), ClientAddress.of(Faces.getRequest()));
            Faces.setSessionAttribute(sessionKey, hold.token());
            Faces.redirect(ShopRequest.accountBase(accountSlug) + "/checkout/" + hold.token());
        } catch (SaleRefusedException refused) {
            Messages.addError(refused.field() == SaleRefusedException.Field.PROMO_CODE ? "tickets-form:promo-code"
                    : "tickets-form:tickets-problem", refused.getMessage());
        }
    }

    /** 0 … the most this buyer may take of a type now (its per-order maximum and what is left). */
    public List<Integer> choices(TicketOffer offer) {
        int most = offer.maxPerOrder();
        if (offer.remaining() != null) {
            most = Math.min(most, Math.max(0, offer.remaining()));
        }
        return IntStream.rangeClosed(0, most).boxed().toList();
    }

    public String price(TicketOffer offer) {
        return Money.format(offer.priceMinor(), offer.currency());
    }

    /** "€199.20 with the code" when the applied code discounts this type. */
    public String discounted(TicketOffer offer) {
        return Money.format(offer.priceMinor() - offer.discountMinor(), offer.currency()) + " with the code";
    }

    public String getEventName() {
        return eventName;
    }

    public String getEventLink() {
        return ShopRequest.accountBase(accountSlug) + "/" + eventSlug;
    }

    public boolean isOnSale() {
        return onSale;
    }

    public List<TicketOffer> getOffers() {
        return offers;
    }

    public Map<String, Integer> getQuantities() {
        return quantities;
    }

    public String getPromoCode() {
        return promoCode;
    }

    public void setPromoCode(String promoCode) {
        this.promoCode = promoCode;
    }
}
