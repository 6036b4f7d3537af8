package io.eventos.ticketing.service;

import io.eventos.platform.outbox.OutboxMessage;
import io.eventos.platform.outbox.OutboxReadiness;
import io.eventos.platform.outbox.OutboxStore;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a sale leaves besides the tickets: the buyer of a paid order becomes one CRM contact per address with the
 * order on their timeline, and each step of the funnel (hold, order, paid, cancelled, refunded) is an analytics
 * fact. In the container against the real PostgreSQL.
 */
public class SalesTrailIT extends EventOnSaleIT {

    @Inject
    CheckoutService checkout;
    @Inject
    TicketTypeService ticketTypes;
    @Inject
    OrderService orders;
    @Inject
    OutboxStore outbox;
    @Inject
    @Readiness
    OutboxReadiness readiness;

    private UUID regular;

    @BeforeEach
    void ticketTypesOnSale() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 100, null);
        }
    }

    @Test
    void aPaidOrdersConfirmationIsAnOutboxRowOfItsPaymentsAuditEntry() {
        PlacedOrder paid = buy(1, "Grace Hopper", "grace@example.org", false, "test_card");
        assertEquals(List.of("mail|order.paid|" + paid.orderId()),
                as(() -> fixtures.outbox("order.paid")).stream().map(r -> r.replaceFirst("\\|(pending|done)\\|", "|"))
                        .toList(), "one email, written with the payment's audit entry (delivered or about to be)");
        buy(1, "Bob Pending", "bob@example.org", false, "offline");
        assertEquals(1, as(() -> fixtures.outbox("order.awaiting_payment")).size(), "the transfer instructions");
    }

    @Test
    void aDeliveryThatFailsIsTriedAgainLaterAndSetAsideAsDeadAfterTheLastAttempt() {
        UUID row = as(() -> fixtures.outboxRowDueLater("test.retry"));
        try {
            outbox.settle(List.of(new OutboxStore.Outcome(new OutboxMessage(row, account, null, "mail", "test.retry",
                    "{}", 3), "MailDeliveryException: the mail server is away", false, Duration.ofSeconds(240))));
            assertEquals("pending|MailDeliveryException: the mail server is away|240",
                    as(() -> fixtures.outboxRow(row)), "due again in 4 minutes, with the reason kept");
            long deadBefore = ((Number) readiness.call().getData().orElseThrow().get("dead")).longValue();

            outbox.settle(List.of(new OutboxStore.Outcome(new OutboxMessage(row, account, null, "mail", "test.retry",
                    "{}", 10), "MailDeliveryException: still away", true, null)));
            assertEquals("dead|MailDeliveryException: still away", as(() -> fixtures.outboxRow(row))
                    .replaceFirst("\\|-?\\d+$", ""));
            var health = readiness.call();
            assertEquals("UP", health.getStatus().name(), "a dead email does not take the server out of service");
            assertEquals(deadBefore + 1, ((Number) health.getData().orElseThrow().get("dead")).longValue(),
                    "operators see it");
        } finally {
            as(() -> {
                fixtures.deleteOutboxRow(row);
                return null;
            });
        }
    }

    @Test
    void aPaidOrderMakesTheBuyerOneContactWithTheOrderOnTheTimeline() {
        PlacedOrder first = buy(2, "Ada King Lovelace", "ada@example.org", false, "test_card");
        assertEquals(List.of("ada@example.org|Ada King|Lovelace|false|order|null"), as(fixtures::contacts));
        assertEquals(List.of("order_paid|Order " + first.code() + " paid: 2 tickets, €50.00"),
                as(() -> fixtures.activities("ada@example.org")));

        UUID free = as(() -> ticketTypes.create(event, new TicketTypeForm("Community", null, 0, 10, null, null, 1, 4,
                false, 0, false, null)));
        PlacedOrder second = as(() -> checkout.placeOrder(request(as(() -> checkout.reserve(
                new Cart(event, Map.of(free, 1), null))), "Ada Other", "ADA@Example.org", true, null), BASE));
        assertEquals(List.of("ada@example.org|Ada King|Lovelace|true|order|order " + second.code()),
                as(fixtures::contacts), "the same address (any case) is the same contact: names kept, consent added");
        assertEquals(2, as(() -> fixtures.ordersOfContact("ada@example.org")));

        buy(1, "Bob Pending", "bob@example.org", false, "offline");
        assertEquals(1, as(fixtures::contacts).size(), "an unpaid order makes no contact");

        OrderDetail detail = as(() -> orders.detail(first.orderId()));
        as(() -> orders.refund(first.orderId(), Set.of(detail.attendees().get(0).id()), BASE));
        as(() -> orders.refund(first.orderId(), Set.of(detail.attendees().get(1).id()), BASE));
        assertEquals(List.of(
                        "order_paid|Order " + first.code() + " paid: 2 tickets, €50.00",
                        "order_paid|Order " + second.code() + " paid: 1 ticket, Free",
                        "other|Order " + first.code() + ": 1 ticket refunded, €25.00",
                        "order_cancelled|Order " + first.code() + " cancelled"),
                as(() -> fixtures.activities("ada@example.org")));

        // the sold count PostgreSQL keeps (V12) agrees with the rows after payments, a free order and two refunds
        io.eventos.ticketing.service.Stock stock = as(() -> ticketTypes.stock(event));
        assertEquals(as(() -> fixtures.paidTickets(regular)), stock.tickets().get(regular).counts().paid());
        assertEquals(0, stock.tickets().get(regular).counts().paid(), "both tickets of the first order refunded");
        assertEquals(1, stock.tickets().get(free).counts().paid());
        assertEquals(1, stock.tickets().get(regular).counts().pending(), "Bob's transfer");

        assertEquals(Map.of(
                        "hold_created", "3/4/0",      // three holds, four tickets
                        "order_placed", "3/3/7500",   // 50.00 + free + 25.00 (pending transfer)
                        "order_paid", "2/2/5000",
                        "order_refunded", "2/2/5000",
                        "order_cancelled", "1/1/0"),
                as(() -> fixtures.facts(event)));
    }

    @Test
    void ordersOfOnePersonPaidAtTheSameMomentMakeOneContact() throws Exception {
        int buyers = 8;
        List<PlacedOrder> placed = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            placed.add(as(() -> checkout.placeOrder(request(as(() -> checkout.reserve(new Cart(event,
                    Map.of(regular, 1), null))), "Grace Hopper", "grace@example.org", false, "test_card"), BASE)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> paid = new ArrayList<>();
            for (PlacedOrder order : placed) {
                paid.add(pool.submit(() -> {
                    start.await();
                    try (var t = CurrentTenant.bind(account)) {
                        return checkout.pay(order.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE)
                                .paid();
                    }
                }));
            }
            start.countDown();
            for (Future<Boolean> f : paid) {
                assertTrue(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("grace@example.org|Grace|Hopper|false|order|null"), as(fixtures::contacts));
        assertEquals(buyers, as(() -> fixtures.activities("grace@example.org")).size());
        assertEquals(buyers, as(() -> fixtures.ordersOfContact("grace@example.org")));
        assertEquals(buyers, as(() -> ticketTypes.stock(event)).tickets().get(regular).counts().paid(),
                "eight payments at once, each counted once");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private PlacedOrder buy(int tickets, String name, String email, boolean consent, String provider) {
        PlacedOrder placed = as(() -> checkout.placeOrder(request(as(() -> checkout.reserve(
                new Cart(event, Map.of(regular, tickets), null))), name, email, consent, provider), BASE));
        if ("test_card".equals(provider)) {
            assertTrue(as(() -> checkout.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE))
                    .paid());
        }
        return placed;
    }

    private static OrderRequest request(HoldView hold, String buyer, String email, boolean consent, String provider) {
        List<OrderRequest.AttendeeName> names = new ArrayList<>();
        for (int i = 0; i < hold.tickets(); i++) {
            names.add(new OrderRequest.AttendeeName("Guest", "Number" + i, null));
        }
        return new OrderRequest(hold.token(), buyer, email, names, consent, provider, UUID.randomUUID().toString(),
                "en");
    }
}
