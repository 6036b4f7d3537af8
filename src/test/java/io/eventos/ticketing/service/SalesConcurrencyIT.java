package io.eventos.ticketing.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.InContainer;
import io.eventos.testing.Poll;
import io.eventos.testing.SuiteDeployment;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core promise of ticketing, inside the container against the real PostgreSQL: many buyers at once, through
 * the checkout service as the application role, never get more than there is — of a ticket type, of a capacity
 * group shared by two types, or of a promo code's uses. The control switches the sales lock off and shows the same
 * rush overselling, so these tests can tell a lock from luck.
 */
@InContainer
public class SalesConcurrencyIT {

    private static final String BASE = "http://eventos.test";

    private static final int BUYERS = 150;
    private static final int THREADS = 30;

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @Inject
    CheckoutService checkout;
    @Inject
    SalesFixtures fixtures;
    @Inject
    io.eventos.isolation.IsolationFixtures members;
    @Inject
    io.eventos.ticketing.service.OrderService orders;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @AfterEach
    void lockOn() {
        SalesLock.enableForTests(true);
    }

    @Test
    void aRushOnTwentyTicketsHoldsAndSellsExactlyTwenty() throws Exception {
        OnSale sale = onSale("rush", "General", 0, 20);
        UUID account = sale.account();
        UUID event = sale.event();
        UUID ticket = sale.ticket();
        List<Object> outcomes = rush(account, BUYERS, i -> checkout.reserve(new Cart(event, Map.of(ticket, 1), null)));
        List<HoldView> holds = new ArrayList<>(successes(outcomes, HoldView.class));
        assertTrue(holds.size() <= 20, "holds granted: " + summary(outcomes));
        holds.addAll(latecomers(account, () -> checkout.reserve(new Cart(event, Map.of(ticket, 1), null))));
        assertEquals(20, holds.size(), "the rush and the buyers after it got exactly 20: " + summary(outcomes));
        assertTrue(refusals(outcomes).stream().allMatch(r -> r.getMessage().contains("sold out")
                || r.field() == SaleRefusedException.Field.BUSY), summary(outcomes));

        // every holder now places their (free) order at the same moment
        Purchase place = i -> checkout.placeOrder(request(holds.get(i), "k-" + i), BASE);
        List<Object> orders = triedAgainIfBusy(account, rush(account, holds.size(), place), place);
        assertEquals(20, successes(orders, PlacedOrder.class).size(), summary(orders));
        try (var t = CurrentTenant.bind(account)) {
            assertEquals(20, fixtures.paidTickets(ticket));
            assertEquals(20, fixtures.soldCount(ticket), "twenty orders paid at once, each counted once");
            assertEquals(0, fixtures.heldTickets(ticket));
        }
        // and nobody gets in afterwards
        try (var t = CurrentTenant.bind(account)) {
            SaleRefusedException late = org.junit.jupiter.api.Assertions.assertThrows(SaleRefusedException.class,
                    () -> checkout.reserve(new Cart(event, Map.of(ticket, 1), null)));
            assertEquals("“General” is sold out.", late.getMessage());
        }
    }

    @Test
    void twoTicketTypesSharingACapacityGroupNeverExceedIt() throws Exception {
        UUID account = UUID.randomUUID();
        UUID event;
        UUID early;
        UUID regular;
        try (var t = CurrentTenant.bind(account)) {
            event = fixtures.accountWithEventOnSale(slug("group"), null);
            UUID hall = fixtures.capacityGroup(event, "Main hall", 15);
            early = fixtures.ticketType(event, "Early", 0, 100, hall);
            regular = fixtures.ticketType(event, "Regular", 0, 100, hall);
        }
        UUID[] types = {early, regular};
        List<Object> outcomes = rush(account, BUYERS,
                i -> checkout.reserve(new Cart(event, Map.of(types[i % 2], 1 + i % 3), null)));
        latecomers(account, () -> checkout.reserve(new Cart(event, Map.of(early, 1), null)));
        long held;
        try (var t = CurrentTenant.bind(account)) {
            held = fixtures.heldTickets(early) + fixtures.heldTickets(regular);
        }
        assertEquals(15, held, "the group of 15 filled up exactly: " + summary(outcomes));
    }

    @Test
    void aPromoCodeLimitedToFiveUsesIsUsedFiveTimes() throws Exception {
        UUID account = UUID.randomUUID();
        UUID event;
        UUID ticket;
        try (var t = CurrentTenant.bind(account)) {
            event = fixtures.accountWithEventOnSale(slug("promo"), null);
            ticket = fixtures.ticketType(event, "Regular", 5000, null, null);
            fixtures.promoCode(event, "FIVE", 20, 5);
        }
        List<HoldView> holds = new ArrayList<>();
        try (var t = CurrentTenant.bind(account)) {
            for (int i = 0; i < 40; i++) { // every buyer may hold with the code; it is counted when the order is placed
                holds.add(checkout.reserve(new Cart(event, Map.of(ticket, 1), "five")));
            }
        }
        assertEquals(1000, holds.get(0).discountMinor());

        Purchase place = i -> checkout.placeOrder(new OrderRequest(
                holds.get(i).token(), "Buyer " + i, "buyer" + i + "@example.org",
                List.of(new OrderRequest.AttendeeName("Ada", "Buyer" + i, null)), false, "test_card", "p-" + i, "en"), BASE);
        List<Object> orders = triedAgainIfBusy(account, rush(account, holds.size(), place), place);
        assertEquals(5, successes(orders, PlacedOrder.class).size(), summary(orders));
        assertTrue(refusals(orders).stream().allMatch(r -> r.getMessage().equals("This code has been used up.")),
                summary(orders));
        try (var t = CurrentTenant.bind(account)) {
            assertEquals(5, fixtures.ordersUsing("FIVE"));
            assertEquals(5, fixtures.promoUsedCount("FIVE"));
        }
    }

    /**
     * A card payment that is still on its way when the order's payment deadline passes: the tickets went back on sale
     * at the deadline, so the payment keeps them only if nobody else took them meanwhile; otherwise it is refunded and
     * refused, and the other buyer keeps the seats. Never both.
     */
    @Test
    void aPaymentArrivingAfterItsDeadlineKeepsTheTicketsOnlyIfNobodyElseGotThem() throws Exception {
        OnSale sale = onSale("late", "Last seats", 2500, 2);
        UUID account = sale.account();
        UUID event = sale.event();
        UUID ticket = sale.ticket();
        ExecutorService pool = Executors.newFixedThreadPool(1, threads);
        try {
            // someone else takes the seats while the payment is on its way: refused and refunded
            PlacedOrder late = placedWithDeadlineIn(account, event, ticket, 1_000);
            Future<Object> payment = pool.submit(() -> slowPayment(account, late));
            // the card network is answering (the payment holds the order's row) and the deadline passes meanwhile
            awaitInContainer(account, () -> fixtures.orderRowLocked(late.orderId()) && fixtures.deadlinePassed(late.orderId()));
            PlacedOrder other;
            try (var t = CurrentTenant.bind(account)) {
                other = checkout.placeOrder(request(checkout.reserve(new Cart(event, Map.of(ticket, 2), null)),
                        "other"), BASE);
                assertTrue(checkout.pay(other.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE).paid());
            }
            Object outcome = payment.get(1, TimeUnit.MINUTES);
            assertTrue(outcome instanceof SaleRefusedException refused
                    && refused.getMessage().contains("Your payment was refunded"), String.valueOf(outcome));
            try (var t = CurrentTenant.bind(account)) {
                assertEquals(2, fixtures.paidTickets(ticket), "the other buyer's two, not four");
                assertEquals(2, fixtures.soldCount(ticket));
            }
        } finally {
            pool.shutdownNow();
        }

        UUID roomy;
        try (var t = CurrentTenant.bind(account)) {
            roomy = fixtures.ticketType(event, "Roomy", 2500, 10, null);
        }
        pool = Executors.newFixedThreadPool(1, threads);
        try {
            // nobody wanted the seats meanwhile: the late payment keeps them
            PlacedOrder late = placedWithDeadlineIn(account, event, roomy, 1_000);
            Object outcome = pool.submit(() -> slowPayment(account, late)).get(1, TimeUnit.MINUTES);
            assertTrue(outcome instanceof PaymentAttempt attempt && attempt.paid(), String.valueOf(outcome));
            try (var t = CurrentTenant.bind(account)) {
                assertEquals(2, fixtures.paidTickets(roomy));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The buyer's card payment and the organizer's "mark paid" on the same order at the same moment: both take the
     * order's row and then the sales lock, in that order, so one waits for the other and finds the order paid —
     * never a deadlock, never two payments.
     */
    @Test
    void aPaymentAndMarkPaidAtOnceMakeOnePaymentAndNoDeadlock() throws Exception {
        OwnedEvent sale = eventWithOwner("both");
        UUID account = sale.account();
        UUID owner = sale.owner();
        UUID event = sale.event();
        UUID ticket = sale.ticket();
        PlacedOrder placed;
        try (var t = CurrentTenant.bind(account)) {
            placed = checkout.placeOrder(request(checkout.reserve(new Cart(event, Map.of(ticket, 2), null)), "both"),
                    BASE);
        }
        ExecutorService pool = Executors.newFixedThreadPool(1, threads);
        try {
            Future<Object> payment = pool.submit(() -> slowPayment(account, placed));
            // the card network is answering (the payment holds the order's row); the organizer marks it paid now
            awaitInContainer(account, () -> fixtures.orderRowLocked(placed.orderId()));
            Object marked;
            try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
                orders.markPaid(placed.orderId(), BASE);
                marked = "marked paid";
            } catch (io.eventos.ticketing.service.TicketingException refused) {
                marked = refused;
            }
            Object paid = payment.get(1, TimeUnit.MINUTES);
            assertTrue(paid instanceof PaymentAttempt attempt && attempt.paid(), String.valueOf(paid));
            assertTrue(marked instanceof io.eventos.ticketing.service.TicketingException refused
                    && refused.getMessage().contains("Only an order waiting for payment"), String.valueOf(marked));
            try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
                assertEquals(1, orders.detail(placed.orderId()).payments().stream()
                        .filter(p -> p.status().equals("succeeded")).count(), "one payment");
                assertEquals(2, fixtures.soldCount(ticket));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The same buyer pays a second order while the organizer refunds their first one: the payment takes the buyer's
     * contact and then the ticket type's row (the sold count), the refund the ticket type's row and then the contact
     * (its timeline) — unless the refund takes the contact first, as the payment does. Lined up behind a third
     * transaction holding the contact (the payment first, the refund second), the two deadlocked and PostgreSQL
     * aborted one; now both go through.
     */
    @Test
    void aPaymentAndARefundOfTheSameBuyerAtOnceBothGoThrough() throws Exception {
        OwnedEvent sale = eventWithOwner("same-buyer");
        UUID account = sale.account();
        UUID owner = sale.owner();
        UUID event = sale.event();
        UUID ticket = sale.ticket();
        PlacedOrder first;
        PlacedOrder second;
        try (var t = CurrentTenant.bind(account)) {
            first = checkout.placeOrder(request(checkout.reserve(new Cart(event, Map.of(ticket, 2), null)), "first"),
                    BASE);
            assertTrue(checkout.pay(first.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE).paid());
            second = checkout.placeOrder(request(checkout.reserve(new Cart(event, Map.of(ticket, 2), null)),
                    "second"), BASE);
        }
        java.util.Set<UUID> firstTickets;
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
            firstTickets = orders.detail(first.orderId()).attendees().stream()
                    .map(io.eventos.ticketing.service.AttendeeRow::id).collect(java.util.stream.Collectors.toSet());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3, threads);
        try {
            Future<?> blocker = pool.submit(() -> {
                try (var t = CurrentTenant.bind(account)) {
                    fixtures.holdContactRow("grace@example.org", 3_000);
                }
            });
            awaitInContainer(account, () -> fixtures.contactRowLocked("grace@example.org"));
            Future<Object> payment = pool.submit(() -> {
                try (var t = CurrentTenant.bind(account)) {
                    return checkout.pay(second.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE);
                } catch (RuntimeException e) {
                    return e;
                }
            });
            awaitInContainer(account, () -> fixtures.sessionsWaitingForALock() >= 1);
            Future<Object> refund = pool.submit(() -> {
                try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
                    return orders.refund(first.orderId(), firstTickets, BASE);
                } catch (RuntimeException e) {
                    return e;
                }
            });
            awaitInContainer(account, () -> fixtures.sessionsWaitingForALock() >= 2);
            blocker.get(1, TimeUnit.MINUTES);
            Object paid = payment.get(1, TimeUnit.MINUTES);
            Object refunded = refund.get(1, TimeUnit.MINUTES);
            assertTrue(paid instanceof PaymentAttempt attempt && attempt.paid(), String.valueOf(paid));
            assertEquals(5000L, refunded, String.valueOf(refunded));
            try (var t = CurrentTenant.bind(account)) {
                assertEquals(2, fixtures.soldCount(ticket), "the second order's two; the first order's two refunded");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The order step writes the order before it takes the sales lock, so a hold can expire in between and a count
     * that ran meanwhile has given its seats to someone else. The order step must then be refused, by the expiry
     * check it makes under the lock: here the order step is held at its own insert (a transaction keeps an order with
     * the same idempotency key uncommitted) while the hold expires and another buyer takes the last two seats.
     */
    @Test
    void aHoldThatExpiresWhileItsOrderIsBeingWrittenIsRefusedWhenItsSeatsAreGone() throws Exception {
        OnSale sale = onSale("expiring", "Last seats", 2500, 2);
        UUID account = sale.account();
        UUID event = sale.event();
        UUID ticket = sale.ticket();
        HoldView held;
        try (var t = CurrentTenant.bind(account)) {
            held = checkout.reserve(new Cart(event, Map.of(ticket, 2), null));
            fixtures.holdExpiresIn(held.token(), 1_500);
        }
        String key = "expiring-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(2, threads);
        try {
            Future<?> blocker = pool.submit(() -> {
                try (var t = CurrentTenant.bind(account)) {
                    fixtures.holdIdempotencyKey(event, key, 3_000);
                }
            });
            awaitInContainer(account, () -> fixtures.sessionsSleeping() >= 1);
            Future<Object> late = pool.submit(() -> {
                try (var t = CurrentTenant.bind(account)) {
                    return checkout.placeOrder(request(held, key), BASE);
                } catch (RuntimeException e) {
                    return e;
                }
            });
            // the order step passed its early checks (the hold was live) and waits at its insert
            awaitInContainer(account, () -> fixtures.sessionsWaitingForALock() >= 1);
            awaitInContainer(account, () -> fixtures.holdExpired(held.token()));
            HoldView other;
            try (var t = CurrentTenant.bind(account)) {
                other = checkout.reserve(new Cart(event, Map.of(ticket, 2), null));
            }
            blocker.get(1, TimeUnit.MINUTES);
            Object outcome = late.get(1, TimeUnit.MINUTES);
            assertTrue(outcome instanceof SaleRefusedException refused
                    && refused.getMessage().contains("that time ran out"), String.valueOf(outcome));
            try (var t = CurrentTenant.bind(account)) {
                assertEquals(2, fixtures.heldTickets(ticket), "the other buyer's two");
                assertEquals(0, fixtures.ordersWithKey(key), "no order from the expired hold");
                assertTrue(checkout.findHold(other.token()).isPresent());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fresh account with an owner and an event on sale with one ticket type of 10 ("Regular", 25.00). */
    private record OwnedEvent(UUID account, UUID owner, UUID event, UUID ticket) {
    }

    /** A new account with one event on sale and one ticket type ({@code quantity} null = unlimited). */
    private record OnSale(UUID account, UUID event, UUID ticket) {
    }

    private OnSale onSale(String slugPrefix, String ticketName, long priceMinor, Integer quantity) {
        UUID account = UUID.randomUUID();
        try (var t = CurrentTenant.bind(account)) {
            UUID event = fixtures.accountWithEventOnSale(slug(slugPrefix), null);
            return new OnSale(account, event, fixtures.ticketType(event, ticketName, priceMinor, quantity, null));
        }
    }

    private OwnedEvent eventWithOwner(String slugPrefix) {
        UUID account = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        try (var t = CurrentTenant.bind(account)) {
            UUID event = fixtures.accountWithEventOnSale(slug(slugPrefix), null);
            members.addMember(owner, "owner", null);
            return new OwnedEvent(account, owner, event, fixtures.ticketType(event, "Regular", 2500, 10, null));
        }
    }

    /** Polls {@code condition} (the account bound) every 20 ms until it holds; fails after 20 s. */
    private static void awaitInContainer(UUID account, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Poll.until("the condition", Duration.ofSeconds(20), Duration.ofMillis(20), () -> {
            try (var t = CurrentTenant.bind(account)) {
                return condition.getAsBoolean();
            }
        });
    }

    private PlacedOrder placedWithDeadlineIn(UUID account, UUID event, UUID ticket, long millis) {
        try (var t = CurrentTenant.bind(account)) {
            PlacedOrder placed = checkout.placeOrder(request(checkout.reserve(new Cart(event, Map.of(ticket, 2),
                    null)), "late-" + ticket), BASE);
            fixtures.paymentDeadlinesIn(event, millis);
            return placed;
        }
    }

    private Object slowPayment(UUID account, PlacedOrder order) {
        try (var t = CurrentTenant.bind(account)) {
            return checkout.pay(order.accessToken(), Map.of("card", TestCardGateway.SLOW_CARD), BASE);
        } catch (SaleRefusedException refused) {
            return refused;
        }
    }

    /**
     * The hold takes the sales lock and counts in one statement (event_stock): a buyer kept waiting past the lock
     * timeout by another sale is told to try again, with nothing held, and gets the tickets once the lock is free.
     */
    @Test
    void aHoldThatWaitsTooLongForTheSalesLockIsToldToTryAgainAndHoldsNothing() throws Exception {
        OnSale shop = onSale("busy", "Regular", 2500, 10);
        Cart twoTickets = new Cart(shop.event(), Map.of(shop.ticket(), 2), null);
        ExecutorService pool = Executors.newFixedThreadPool(1, threads);
        try {
            Future<?> otherSale = pool.submit(() -> {
                try (var t = CurrentTenant.bind(shop.account())) {
                    fixtures.holdSalesLock(shop.event(), 5_000); // longer than the 3 s lock timeout
                }
            });
            awaitInContainer(shop.account(), () -> fixtures.salesLocked(shop.event()));
            SaleRefusedException refused;
            try (var t = CurrentTenant.bind(shop.account())) {
                refused = assertThrows(SaleRefusedException.class, () -> checkout.reserve(twoTickets));
            }
            assertEquals(SaleRefusedException.Field.BUSY, refused.field());
            assertTrue(refused.getMessage().contains("try again"), refused.getMessage());
            otherSale.get(30, TimeUnit.SECONDS);
            try (var t = CurrentTenant.bind(shop.account())) {
                assertEquals(0, fixtures.heldTickets(shop.ticket()), "the refused hold was rolled back");
                HoldView hold = checkout.reserve(twoTickets);
                assertEquals(2, hold.tickets());
                assertEquals(2, fixtures.heldTickets(shop.ticket()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameFormSubmittedTenTimesAtOnceMakesOneOrder() throws Exception {
        OnSale sale = onSale("twice", "Regular", 2500, 50);
        UUID account = sale.account();
        UUID event = sale.event();
        UUID ticket = sale.ticket();
        HoldView hold;
        try (var t = CurrentTenant.bind(account)) {
            hold = checkout.reserve(new Cart(event, Map.of(ticket, 2), null));
        }
        List<Object> orders = rush(account, 10, i -> checkout.placeOrder(request(hold, "same-key"), BASE));
        List<PlacedOrder> placed = successes(orders, PlacedOrder.class);
        assertTrue(refusals(orders).stream().allMatch(r -> r.field() == SaleRefusedException.Field.BUSY),
                "a duplicate is answered with the first order (or, on an overloaded machine, 'busy, try again'): "
                        + summary(orders));
        assertTrue(placed.size() >= 2, summary(orders));
        assertEquals(1, placed.stream().map(PlacedOrder::code).distinct().count(), "one order code for all");
        assertEquals(1, placed.stream().filter(p -> !p.existing()).count(), "created once, found again after");
        try (var t = CurrentTenant.bind(account)) {
            assertEquals(1, fixtures.ordersWithKey("same-key"));
        }
    }

    /** The control: without the lock the same rush oversells, which is what the tests above would catch. */
    @Test
    void withoutTheLockTheSameRushOversells() throws Exception {
        SalesLock.enableForTests(false);
        long worst = 0;
        for (int round = 0; round < 5 && worst <= 20; round++) {
            OnSale sale = onSale("race", "General", 0, 20);
            UUID account = sale.account();
            UUID event = sale.event();
            UUID ticket = sale.ticket();
            rush(account, BUYERS, i -> checkout.reserve(new Cart(event, Map.of(ticket, 1), null)));
            try (var t = CurrentTenant.bind(account)) {
                worst = Math.max(worst, fixtures.heldTickets(ticket));
            }
        }
        assertTrue(worst > 20, "without the lock, more than 20 of 20 tickets were held: " + worst);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private interface Purchase {
        Object run(int buyer) throws Exception;
    }

    /** Runs {@code buyers} purchases on {@link #THREADS} threads released at the same instant; returns each outcome. */
    private List<Object> rush(UUID account, int buyers, Purchase purchase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                int buyer = i;
                Callable<Object> call = () -> {
                    start.await();
                    try (var t = CurrentTenant.bind(account)) {
                        return purchase.run(buyer);
                    } catch (SaleRefusedException refused) {
                        return refused;
                    }
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The buyers of a rush who were told "busy, try again" (an overloaded machine can make the 3-second lock wait run
     * out) try again after it, one at a time, as a person would click again; the other outcomes stay as they were.
     */
    private List<Object> triedAgainIfBusy(UUID account, List<Object> outcomes, Purchase purchase) throws Exception {
        List<Object> settled = new ArrayList<>(outcomes);
        try (var t = CurrentTenant.bind(account)) {
            for (int i = 0; i < settled.size(); i++) {
                while (settled.get(i) instanceof SaleRefusedException refused
                        && refused.field() == SaleRefusedException.Field.BUSY) {
                    try {
                        settled.set(i, purchase.run(i));
                    } catch (SaleRefusedException again) {
                        settled.set(i, again);
                    }
                }
            }
        }
        return settled;
    }

    /**
     * Buyers who come after the rush, one at a time, until the tickets are gone: on an overloaded machine some of
     * the rush may have been told "busy, try again", and these are their second tries.
     */
    private List<HoldView> latecomers(UUID account, java.util.function.Supplier<HoldView> reserve) {
        List<HoldView> holds = new ArrayList<>();
        try (var t = CurrentTenant.bind(account)) {
            for (int i = 0; i < 200; i++) {
                try {
                    holds.add(reserve.get());
                } catch (SaleRefusedException refused) {
                    if (refused.field() != SaleRefusedException.Field.BUSY) {
                        return holds; // sold out
                    }
                }
            }
        }
        throw new AssertionError("still selling after 200 more buyers");
    }

    private static <T> List<T> successes(List<Object> outcomes, Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<SaleRefusedException> refusals(List<Object> outcomes) {
        return successes(outcomes, SaleRefusedException.class);
    }

    private static String summary(List<Object> outcomes) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        outcomes.forEach(o -> counts.merge(o instanceof SaleRefusedException r ? "refused: " + r.getMessage()
                : o.getClass().getSimpleName(), 1L, Long::sum));
        return counts.toString();
    }

    private static OrderRequest request(HoldView hold, String key) {
        List<OrderRequest.AttendeeName> names = new ArrayList<>();
        for (int i = 0; i < hold.tickets(); i++) {
            names.add(new OrderRequest.AttendeeName("Grace", "Guest" + i, null));
        }
        return new OrderRequest(hold.token(), "Grace Buyer", "grace@example.org", names, false, "test_card", key, "en");
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
