package io.eventos.crm.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.EventOnSaleIT;
import io.eventos.ticketing.service.Cart;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.OrderRequest;
import io.eventos.ticketing.service.PlacedOrder;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the in-container CRM tests share: the event on sale with a "Regular" ticket type, buying it as a buyer does
 * (which makes the buyer a contact), and finding contacts by the list's search. Abstract: no tests of its own.
 */
public abstract class ContactsOnSaleIT extends EventOnSaleIT {

    @Inject
    protected ContactService contacts;
    @Inject
    protected CheckoutService checkout;

    protected UUID regular;

    @BeforeEach
    void regularTickets() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 100, null);
        }
    }

    /** Reserves one Regular ticket per attendee, places the order and pays it with the good test card. */
    protected PlacedOrder buy(String buyer, String email, List<OrderRequest.AttendeeName> attendees, boolean consent) {
        PlacedOrder placed = as(() -> checkout.placeOrder(new OrderRequest(as(() -> checkout.reserve(
                new Cart(event, Map.of(regular, attendees.size()), null))).token(), buyer, email, attendees, consent,
                "test_card", UUID.randomUUID().toString(), "en"), BASE));
        assertTrue(as(() -> checkout.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE))
                .paid());
        return placed;
    }

    /** The contact list's first page for this search, by name. */
    protected List<ContactRow> names(String text) {
        return as(() -> contacts.list(new ContactFilter(text, null, null, null, null, null), 0, 25, "name", true));
    }

    protected static ContactRow only(List<ContactRow> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }
}
