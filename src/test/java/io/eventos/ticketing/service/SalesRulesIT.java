package io.eventos.ticketing.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of a sale, one buyer at a time, in the container against the real PostgreSQL: holds that expire,
 * payment deadlines, per-order limits, sales windows, promo codes, free orders, declined and timed-out cards,
 * refunds that put tickets back, and the organizer's quantity guard. Time passing is simulated by moving the
 * stored deadlines into the past.
 */
public class SalesRulesIT extends EventOnSaleIT {

    @Inject
    CheckoutService checkout;
    @Inject
    TicketTypeService ticketTypes;
    @Inject
    OrderService orders;

    private UUID regular;

    @BeforeEach
    void ticketTypesOnSale() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 5, null);
        }
    }

    @Test
    void anExpiredHoldGivesItsTicketsBackAndTheBuyerIsToldWhy() {
        HoldView hold = as(() -> checkout.reserve(cart(regular, 5)));
        assertEquals(0, stock().availableFor(regular));
        refused(() -> checkout.reserve(cart(regular, 1)), "“Regular” is sold out.");

        as(() -> { fixtures.ageHolds(event, 16); return null; });
        assertEquals(5, stock().availableFor(regular), "an expired hold counts for nothing, with no job run");
        assertTrue(as(() -> checkout.findHold(hold.token())).orElseThrow().expired());
        SaleRefusedException late = assertThrows(SaleRefusedException.class,
                () -> as(() -> checkout.placeOrder(order(hold, "test_card"), BASE)));
        assertEquals(SaleRefusedException.Field.HOLD, late.field());
        assertTrue(late.getMessage().contains("held for 15 minutes and that time ran out"), late.getMessage());
    }

    @Test
    void limitsPerOrderAndTheSalesWindowAreExplained() {
        refused(() -> checkout.reserve(cart(regular, 11)), "You can buy at most 10 “Regular” tickets per order.");
        refused(() -> checkout.reserve(cart(regular, 6)), "Only 5 “Regular” tickets are left.");
        UUID later = as(() -> ticketTypes.create(event, form("Later", 1000, 10,
                Instant.now().plus(1, ChronoUnit.DAYS), null, 2, 4)));
        refused(() -> checkout.reserve(cart(later, 2)), "“Later” is not on sale yet.");
        UUID pair = as(() -> ticketTypes.create(event, form("Pair", 1000, 10, null, null, 2, 4)));
        refused(() -> checkout.reserve(cart(pair, 1)), "“Pair” is sold in orders of at least 2.");
        UUID ended = as(() -> ticketTypes.create(event, form("Ended", 1000, 10,
                Instant.now().minus(2, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.SECONDS), 1, 4)));
        refused(() -> checkout.reserve(cart(ended, 1)), "Sales of “Ended” have ended.");
        List<TicketTypeRow> rows = as(() -> ticketTypes.list(event));
        assertEquals(TicketTypeRow.Status.NOT_YET, status(rows, "Later"));
        assertEquals(TicketTypeRow.Status.ENDED, status(rows, "Ended"));
        assertEquals(TicketTypeRow.Status.ON_SALE, status(rows, "Regular"));
    }

    /**
     * Issue 13, finding 2: one hold takes at most 50 tickets whatever the types allow, and tickets held by a
     * checkout whose form was never opened go back on sale after 5 minutes; opening the form gives the hold the
     * event's full 15 minutes, counted from when it was made.
     */
    @Test
    void oneHoldTakesAtMostFiftyTicketsAndIsShortUntilItsCheckoutFormIsOpened() {
        UUID group = as(() -> ticketTypes.create(event, form("Group", 1000, 200, null, null, 1, 60)));
        refused(() -> checkout.reserve(cart(group, 51)),
                "One order can have at most 50 tickets. For more, place several orders or ask the organizer.");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps of a time
        HoldView hold = as(() -> checkout.reserve(cart(group, 50)));
        Instant after = Instant.now();
        assertFalse(hold.expiresAt().isBefore(before.plus(5, ChronoUnit.MINUTES)), "held for 5 minutes");
        assertFalse(hold.expiresAt().isAfter(after.plus(5, ChronoUnit.MINUTES)), "not longer: " + hold.expiresAt());

        HoldView opened = as(() -> checkout.openCheckout(hold.token())).orElseThrow();
        assertFalse(opened.expiresAt().isBefore(before.plus(15, ChronoUnit.MINUTES)), "the full 15 minutes");
        assertFalse(opened.expiresAt().isAfter(after.plus(15, ChronoUnit.MINUTES)), "from when it was made");
        assertEquals(opened.expiresAt(), as(() -> checkout.openCheckout(hold.token())).orElseThrow().expiresAt(),
                "opening the form again gives no more time");
        assertEquals(150, stock().availableFor(group), "the 50 stay held");

        as(() -> { fixtures.ageHolds(event, 16); return null; });
        HoldView late = as(() -> checkout.openCheckout(hold.token())).orElseThrow();
        assertTrue(late.expired(), "a hold whose time ran out is not brought back by opening its form");
        assertEquals(200, stock().availableFor(group));
    }

    /** Issue 13, finding 8: the checkout stored a 100 kB name and a 102,412-character email. */
    @Test
    void aCheckoutKeepsNoNameLongerThan200CharactersAndNoEmailLongerThan254() {
        HoldView hold = as(() -> checkout.reserve(cart(regular, 1)));
        OrderRequest fine = order(hold, "test_card");
        refused(() -> checkout.placeOrder(new OrderRequest(fine.holdToken(), "N".repeat(201), fine.buyerEmail(),
                fine.attendees(), fine.marketingConsent(), fine.paymentProvider(), null, "en"), BASE),
                "Use at most 200 characters.");
        refused(() -> checkout.placeOrder(new OrderRequest(fine.holdToken(), fine.buyerName(),
                "a".repeat(250) + "@example.com", fine.attendees(), fine.marketingConsent(),
                fine.paymentProvider(), null, "en"), BASE), "An email address has at most 254 characters.");
        assertEquals("pending", as(() -> checkout.placeOrder(fine, BASE)).status(), "the same checkout, corrected");
    }

    @Test
    void aFreeOrderIsPaidAtOnceAndAPromoCodeDiscountsAndCounts() {
        UUID free = as(() -> ticketTypes.create(event, form("Community", 0, 10, null, null, 1, 4)));
        PlacedOrder freeOrder = as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(free, 2))), null), BASE));
        assertEquals("paid", freeOrder.status());
        assertEquals("free", freeOrder.paymentProvider());
        assertTrue(freeOrder.accessToken().length() >= 43, "a 256-bit secret order-page token");

        as(() -> { fixtures.promoCode(event, "FRIENDS", 20, 1); return null; });
        HoldView discounted = as(() -> checkout.reserve(new Cart(event, Map.of(regular, 2), "friends")));
        assertEquals(1000, discounted.discountMinor(), "20% off two tickets of 25.00");
        assertEquals(4000, discounted.totalMinor());
        PlacedOrder paid = as(() -> checkout.placeOrder(order(discounted, "test_card"), BASE));
        assertEquals("pending", paid.status());
        PaymentAttempt attempt = as(() -> checkout.pay(paid.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE));
        assertTrue(attempt.paid(), String.valueOf(attempt.problem()));
        assertEquals(2, as(() -> fixtures.paidTickets(regular)));
        refused(() -> checkout.reserve(new Cart(event, Map.of(regular, 1), "FRIENDS")), "This code has been used up.");
        refused(() -> checkout.reserve(new Cart(event, Map.of(regular, 1), "NOPE")),
                "This code is not valid for this event.");
    }

    @Test
    void declinedAndTimedOutCardsLeaveNothingSoldAndCanBeRetried() {
        PlacedOrder placed = as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(regular, 2))),
                "test_card"), BASE));
        PaymentAttempt declined = as(() -> checkout.pay(placed.accessToken(),
                Map.of("card", TestCardGateway.DECLINED_CARD), BASE));
        assertFalse(declined.paid());
        assertTrue(declined.problem().contains("declined"), declined.problem());
        PaymentAttempt timedOut = as(() -> checkout.pay(placed.accessToken(),
                Map.of("card", TestCardGateway.TIMEOUT_CARD), BASE));
        assertFalse(timedOut.paid());
        assertTrue(timedOut.problem().contains("did not answer in time"), timedOut.problem());
        assertEquals(0, as(() -> fixtures.paidTickets(regular)), "no sold tickets after failed payments");
        assertEquals(2, stock().tickets().get(regular).counts().pending(), "still reserved while the buyer retries");

        assertTrue(as(() -> checkout.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE)).paid());
        assertTrue(as(() -> checkout.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE)).paid(),
                "paying twice is answered 'paid' without a second charge");
        OrderDetail detail = as(() -> orders.detail(placed.orderId()));
        assertEquals(List.of("failed", "failed", "succeeded"),
                detail.payments().stream().map(OrderDetail.PaymentRow::status).toList());
        assertTrue(detail.history().stream().anyMatch(h -> h.action().equals("order.paid")));
    }

    @Test
    void anOfflineOrderKeepsItsTicketsUntilItsDeadlineAndTheOrganizerMarksItPaid() {
        PlacedOrder transfer = as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(regular, 3))),
                "offline"), BASE));
        assertEquals("pending", transfer.status());
        assertTrue(transfer.paymentDeadline().isAfter(Instant.now().plus(2, ChronoUnit.DAYS)));
        assertEquals(2, stock().availableFor(regular));

        as(() -> { fixtures.passPaymentDeadlines(event); return null; });
        assertEquals(5, stock().availableFor(regular), "an overdue transfer gives its tickets back by itself");
        as(() -> { orders.markPaid(transfer.orderId(), BASE); return null; }); // still room: the late money is welcome
        assertEquals(3, as(() -> fixtures.paidTickets(regular)));

        PlacedOrder second = as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(regular, 2))),
                "offline"), BASE));
        as(() -> { fixtures.passPaymentDeadlines(event); return null; });
        as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(regular, 2))), "offline"), BASE));
        TicketingException gone = assertThrows(TicketingException.class,
                () -> as(() -> { orders.markPaid(second.orderId(), BASE); return null; }));
        assertTrue(gone.getMessage().contains("sold to others"), gone.getMessage());
    }

    @Test
    void refundingOneOfTwoTicketsPutsItBackOnSaleAndTheQuantityGuardExplains() {
        PlacedOrder placed = as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(regular, 2))),
                "test_card"), BASE));
        as(() -> checkout.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE));
        as(() -> checkout.reserve(cart(regular, 1))); // someone else's cart
        assertEquals(2, stock().availableFor(regular));

        TicketingException tooLow = assertThrows(TicketingException.class,
                () -> as(() -> { ticketTypes.update(event, regular, form("Regular", 2500, 2, null, null, 1, 10));
                    return null; }));
        assertEquals("quantity", tooLow.field());
        assertEquals("The quantity cannot be lower than 3, the tickets already taken: 2 sold, 0 pending payment, "
                + "1 held in carts.", tooLow.getMessage());

        OrderDetail detail = as(() -> orders.detail(placed.orderId()));
        UUID first = detail.attendees().get(0).id();
        assertNotEquals(detail.attendees().get(0).code(), detail.attendees().get(1).code());
        assertTrue(detail.attendees().get(0).code().matches("[A-Za-z0-9_-]{22}"), "128-bit URL-safe ticket code");
        long refunded = as(() -> orders.refund(placed.orderId(), Set.of(first), BASE));
        assertEquals(2500, refunded);
        assertEquals(3, stock().availableFor(regular), "the refunded ticket is back on sale");
        OrderDetail after = as(() -> orders.detail(placed.orderId()));
        assertEquals("paid", after.order().status());
        assertEquals(2500, after.order().refundedMinor());
        assertEquals(List.of("refunded", "valid"), after.attendees().stream().map(a -> a.status()).toList());
        assertTrue(after.history().stream().anyMatch(h -> h.action().equals("order.partially_refunded")));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void refused(Supplier<?> call, String sentence) {
        SaleRefusedException refused = assertThrows(SaleRefusedException.class, () -> as(call));
        assertEquals(sentence, refused.getMessage());
    }

    private Stock stock() {
        return as(() -> ticketTypes.stock(event));
    }

    private Cart cart(UUID ticket, int quantity) {
        return new Cart(event, Map.of(ticket, quantity), null);
    }

    private static TicketTypeRow.Status status(List<TicketTypeRow> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().status();
    }

    private static TicketTypeForm form(String name, long price, Integer quantity, Instant salesStart, Instant salesEnd,
                                       int min, int max) {
        return new TicketTypeForm(name, null, price, quantity, salesStart, salesEnd, min, max, false, 0, false, null);
    }

    private static OrderRequest order(HoldView hold, String provider) {
        return SalesFixtures.orderFor(hold, provider);
    }
}
