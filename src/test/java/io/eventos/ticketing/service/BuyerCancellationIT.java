package io.eventos.ticketing.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.CancellationTerms.State;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Buyers cancelling their own orders, in the container against the real PostgreSQL, as the event's cancellation
 * policy allows: "cannot cancel" refuses, the deadline counts back from the start (time passing is simulated by
 * moving the event's start), a paid order is refunded once however often the buyer submits, free and unpaid orders
 * are cancelled and their places go back on sale, and a refund request is approved or declined by the organizer.
 */
public class BuyerCancellationIT extends EventOnSaleIT {

    @Inject
    CheckoutService checkout;
    @Inject
    BuyerCancellationService buyer;
    @Inject
    TicketTypeService ticketTypes;
    @Inject
    OrderService orders;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private UUID regular;

    @BeforeEach
    void ticketTypesOnSale() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 5, null);
            fixtures.organizerEmail(event, "tickets@example.org");
        }
    }

    @Test
    void withoutAPolicyBuyersCannotCancelAndAreToldWhomToWrite() {
        PlacedOrder paid = paidOrder(2);
        CancellationTerms terms = as(() -> buyer.terms(paid.accessToken())).orElseThrow();
        assertEquals(State.NOT_ALLOWED, terms.state());
        assertEquals("This order cannot be cancelled online. To change it, write to tickets@example.org.",
                terms.sentence());
        SaleRefusedException refused = assertThrows(SaleRefusedException.class,
                () -> as(() -> buyer.cancel(paid.accessToken(), BASE)));
        assertEquals(terms.sentence(), refused.getMessage());
        assertThrows(SaleRefusedException.class, () -> as(() -> { buyer.requestRefund(paid.accessToken(), "ill", BASE);
            return null; }));
        OrderDetail detail = as(() -> orders.detail(paid.orderId()));
        assertEquals("paid", detail.order().status());
        assertEquals(0, detail.order().refundedMinor());
        assertEquals(3, as(() -> ticketTypes.stock(event)).availableFor(regular));
    }

    @Test
    void theDeadlineCountsBackFromTheStartAndAtItItIsTooLate() {
        policy(CancellationPolicy.Kind.REFUND, 48);
        PlacedOrder paid = paidOrder(2);
        Instant start = Instant.now().plus(Duration.ofHours(48)).plus(Duration.ofMinutes(2))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // as PostgreSQL keeps it
        as(() -> { fixtures.startEventAt(event, start); return null; });
        CancellationTerms open = as(() -> buyer.terms(paid.accessToken())).orElseThrow();
        assertEquals(State.CAN_CANCEL, open.state());
        assertEquals(start.minus(Duration.ofHours(48)), open.deadline());
        assertTrue(open.sentence().startsWith("You can cancel this order until "), open.sentence());
        assertTrue(open.sentence().endsWith(" (Europe/Berlin) and get €50.00 back."), open.sentence());

        // two seconds later than the deadline: the event now starts a little less than 48 hours from now
        as(() -> { fixtures.startEventAt(event, Instant.now().plus(Duration.ofHours(48)).minusSeconds(2)); return null; });
        CancellationTerms closed = as(() -> buyer.terms(paid.accessToken())).orElseThrow();
        assertEquals(State.CLOSED, closed.state());
        assertTrue(closed.sentence().startsWith("Cancellations for this event closed on "), closed.sentence());
        assertTrue(closed.sentence().endsWith("To change your order, write to tickets@example.org."), closed.sentence());
        SaleRefusedException late = assertThrows(SaleRefusedException.class,
                () -> as(() -> buyer.cancel(paid.accessToken(), BASE)));
        assertEquals(closed.sentence(), late.getMessage());
        assertEquals("paid", as(() -> orders.detail(paid.orderId())).order().status());
    }

    @Test
    void aPaidOrderIsRefundedInFullOnceHoweverOftenTheBuyerSubmits() throws Exception {
        policy(CancellationPolicy.Kind.REFUND, 24);
        PlacedOrder paid = paidOrder(2);
        assertEquals(3, as(() -> ticketTypes.stock(event)).availableFor(regular));

        List<Object> outcomes = atOnce(4, () -> buyer.cancel(paid.accessToken(), BASE));
        long firsts = outcomes.stream().filter(o -> o instanceof BuyerCancelled c && !c.already()).count();
        assertEquals(1, firsts, "exactly one of four simultaneous submits cancelled: " + outcomes);
        for (Object outcome : outcomes) {
            BuyerCancelled cancelled = (BuyerCancelled) outcome;
            assertEquals(5000, cancelled.refundedMinor(), "every submit answers with the one refund: " + outcome);
        }
        BuyerCancelled again = as(() -> buyer.cancel(paid.accessToken(), BASE));
        assertTrue(again.already());
        assertEquals("Your order is cancelled and €50.00 is refunded to the card you paid with. We sent you a "
                + "confirmation by email.", again.sentence());

        OrderDetail detail = as(() -> orders.detail(paid.orderId()));
        assertEquals("cancelled", detail.order().status());
        assertEquals(5000, detail.order().refundedMinor());
        assertEquals(List.of("refunded", "refunded"), detail.attendees().stream().map(a -> a.status()).toList());
        assertEquals(1, as(() -> fixtures.refundPayments(paid.orderId())), "one refund went to the card");
        assertArrayEquals(new long[] {1, 1}, as(() -> fixtures.auditOf(paid.orderId(), "order.refunded")),
                "one record of the refund, saying the buyer did it");
        assertEquals(5, as(() -> ticketTypes.stock(event)).availableFor(regular), "both places are on sale again");
        assertEquals(State.OVER, as(() -> buyer.terms(paid.accessToken())).orElseThrow().state());
    }

    @Test
    void aFreeOrderIsCancelledAndItsPlacesGoBackOnSale() {
        policy(CancellationPolicy.Kind.REFUND, 0);
        UUID free = as(() -> fixtures.ticketType(event, "Community", 0, 3, null));
        PlacedOrder order = as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(free, 2))), null), BASE));
        assertEquals("paid", order.status());
        CancellationTerms terms = as(() -> buyer.terms(order.accessToken())).orElseThrow();
        assertEquals(State.CAN_CANCEL, terms.state());
        assertFalse(terms.sentence().contains("back"), "nothing to give back: " + terms.sentence());
        assertEquals(1, as(() -> ticketTypes.stock(event)).availableFor(free));

        BuyerCancelled cancelled = as(() -> buyer.cancel(order.accessToken(), BASE));
        assertEquals(0, cancelled.refundedMinor());
        assertEquals("cancelled", as(() -> orders.detail(order.orderId())).order().status());
        assertEquals(3, as(() -> ticketTypes.stock(event)).availableFor(free));
        assertArrayEquals(new long[] {1, 1}, as(() -> fixtures.auditOf(order.orderId(), "order.cancelled")));
        assertEquals(0, as(() -> fixtures.refundPayments(order.orderId())));
    }

    @Test
    void aPendingBankTransferIsCancelledEvenWhereRefundsAreOnRequestAndReleasesItsPlaces() {
        policy(CancellationPolicy.Kind.REQUEST, 72);
        PlacedOrder transfer = as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(regular, 3))),
                "offline"), BASE));
        assertEquals("pending", transfer.status());
        assertEquals(2, as(() -> ticketTypes.stock(event)).availableFor(regular));
        CancellationTerms terms = as(() -> buyer.terms(transfer.accessToken())).orElseThrow();
        assertEquals(State.CAN_CANCEL, terms.state(), "nothing was paid, so there is nothing to ask for");
        assertEquals(0, terms.refundMinor());

        as(() -> buyer.cancel(transfer.accessToken(), BASE));
        assertEquals(5, as(() -> ticketTypes.stock(event)).availableFor(regular));
        OrderDetail detail = as(() -> orders.detail(transfer.orderId()));
        assertEquals("cancelled", detail.order().status());
        assertTrue(detail.history().stream().anyMatch(h -> h.action().equals("order.cancelled")
                && h.sentence().equals("Cancelled by the buyer")), detail.history().toString());
    }

    @Test
    void aRequestWaitsForTheOrganizerWhoApprovesIt() {
        policy(CancellationPolicy.Kind.REQUEST, 7 * 24);
        PlacedOrder paid = paidOrder(2);
        CancellationTerms terms = as(() -> buyer.terms(paid.accessToken())).orElseThrow();
        assertEquals(State.CAN_REQUEST, terms.state());
        assertTrue(terms.sentence().startsWith("You can ask for a refund of €50.00 until "), terms.sentence());
        SaleRefusedException notDirectly = assertThrows(SaleRefusedException.class,
                () -> as(() -> buyer.cancel(paid.accessToken(), BASE)));
        assertTrue(notDirectly.getMessage().contains("on request"), notDirectly.getMessage());

        as(() -> { buyer.requestRefund(paid.accessToken(), "  I broke my leg.  ", BASE); return null; });
        as(() -> { buyer.requestRefund(paid.accessToken(), "again", BASE); return null; }); // a second click
        CancellationTerms waiting = as(() -> buyer.terms(paid.accessToken())).orElseThrow();
        assertEquals(State.REQUESTED, waiting.state());
        assertEquals("I broke my leg.", waiting.requestNote());
        assertArrayEquals(new long[] {1, 1}, as(() -> fixtures.auditOf(paid.orderId(), "order.refund_requested")));

        List<OrderRow> open = as(() -> orders.list(new OrderFilter(event, OrderFilter.REFUND_REQUESTED, null, null,
                null, null), 0, 10, "placedAt", false));
        assertEquals(List.of(paid.orderId()), open.stream().map(OrderRow::id).toList());
        assertTrue(open.get(0).refundRequested());
        OrderDetail.RefundRequest request = as(() -> orders.detail(paid.orderId())).refundRequest();
        assertTrue(request.open());
        assertEquals("I broke my leg.", request.note());

        assertEquals(5000, as(() -> orders.approveRefundRequest(paid.orderId(), BASE)));
        TicketingException twice = assertThrows(TicketingException.class,
                () -> as(() -> orders.approveRefundRequest(paid.orderId(), BASE)));
        assertEquals("This refund request was already answered (approved).", twice.getMessage());
        OrderDetail detail = as(() -> orders.detail(paid.orderId()));
        assertEquals("cancelled", detail.order().status());
        assertEquals(5000, detail.order().refundedMinor());
        assertEquals("approved", detail.refundRequest().outcome());
        assertEquals(1, as(() -> fixtures.refundPayments(paid.orderId())));
        assertArrayEquals(new long[] {1, 0}, as(() -> fixtures.auditOf(paid.orderId(), "order.refunded")),
                "the refund was the organizer's");
        assertEquals(5, as(() -> ticketTypes.stock(event)).availableFor(regular));
        assertEquals(0, as(() -> orders.count(new OrderFilter(event, OrderFilter.REFUND_REQUESTED, null, null, null,
                null))));
        assertEquals(State.OVER, as(() -> buyer.terms(paid.accessToken())).orElseThrow().state());
    }

    @Test
    void aDeclinedRequestKeepsTheTicketsAndTellsTheBuyerWhy() {
        policy(CancellationPolicy.Kind.REQUEST, 24);
        PlacedOrder paid = paidOrder(1);
        as(() -> { buyer.requestRefund(paid.accessToken(), null, BASE); return null; });

        TicketingException blank = assertThrows(TicketingException.class,
                () -> as(() -> { orders.declineRefundRequest(paid.orderId(), " ", BASE); return null; }));
        assertEquals("reply", blank.field());
        as(() -> { orders.declineRefundRequest(paid.orderId(), "The venue is paid for; please pass the ticket on.",
                BASE); return null; });

        CancellationTerms declined = as(() -> buyer.terms(paid.accessToken())).orElseThrow();
        assertEquals(State.DECLINED, declined.state());
        assertEquals("The organizer declined your refund request: “The venue is paid for; please pass the ticket "
                + "on.” Questions? Write to tickets@example.org.", declined.sentence());
        assertThrows(SaleRefusedException.class, () -> as(() -> { buyer.requestRefund(paid.accessToken(), "please",
                BASE); return null; }));
        assertThrows(TicketingException.class, () -> as(() -> orders.approveRefundRequest(paid.orderId(), BASE)));
        OrderDetail detail = as(() -> orders.detail(paid.orderId()));
        assertEquals("paid", detail.order().status());
        assertEquals(List.of("valid"), detail.attendees().stream().map(a -> a.status()).toList());
        assertEquals("declined", detail.refundRequest().outcome());
        assertTrue(detail.history().stream().anyMatch(h -> h.action().equals("order.refund_request_declined")));
    }

    @Test
    void theOrganizerRefundingEverythingAnswersAnOpenRequest() {
        policy(CancellationPolicy.Kind.REQUEST, 24);
        PlacedOrder paid = paidOrder(2);
        as(() -> { buyer.requestRefund(paid.accessToken(), "Plans changed", BASE); return null; });
        OrderDetail detail = as(() -> orders.detail(paid.orderId()));
        as(() -> orders.refund(paid.orderId(), java.util.Set.copyOf(detail.attendees().stream().map(a -> a.id())
                .toList()), BASE));
        assertEquals("approved", as(() -> orders.detail(paid.orderId())).refundRequest().outcome());
        assertEquals(State.OVER, as(() -> buyer.terms(paid.accessToken())).orElseThrow().state());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void policy(CancellationPolicy.Kind kind, int hours) {
        as(() -> { ticketTypes.saveCancellationPolicy(event, kind, hours); return null; });
        assertEquals(new CancellationPolicy(kind, hours), as(() -> ticketTypes.cancellationPolicy(event)));
    }

    private PlacedOrder paidOrder(int tickets) {
        PlacedOrder placed = as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(cart(regular, tickets))),
                "test_card"), BASE));
        assertTrue(as(() -> checkout.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE))
                .paid());
        return placed;
    }

    /** The same call from {@code n} threads released at once (a double click, several tabs); each outcome. */
    private List<Object> atOnce(int n, Supplier<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n, threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try (var t = CurrentTenant.bind(account)) {
                        return call.get();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(1, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Cart cart(UUID ticket, int quantity) {
        return new Cart(event, Map.of(ticket, quantity), null);
    }

    private static OrderRequest order(io.eventos.ticketing.service.HoldView hold, String provider) {
        return SalesFixtures.orderFor(hold, provider);
    }
}
