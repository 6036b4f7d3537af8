package io.eventos.ticketing.service;

import io.eventos.devserver.EmbeddedDatabase;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.Superuser;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The count a checkout makes under the event's sales lock must cost what the buyers in progress cost, not what the
 * event has already sold: a sale at a large event would otherwise slow down with every ticket sold, and every buyer
 * waits for the count of the one before. Measured by PostgreSQL itself (pg_stat_statements: buffers the count's
 * statement touched), with 300 buyers in progress, before and after the event gets 4,000 paid orders of history.
 * Also before PostgreSQL's statistics have seen the rush: the first version of the count, a join left to the
 * planner, read 21,424 buffers with 300 buyers in progress and statistics from before them, and the count of V13
 * without its plan made anew at each call read 32,873 once 8,000 tickets had been sold (a pooled connection kept the
 * plan it made while the tables were small); this test fails on both, and on V13's count with its plan made at each
 * call (about 1,800). Now, summed from ticket_takes (V14): 34 buffers, 18 once analyzed.
 */
public class CountCostIT extends EventOnSaleIT {

    @Inject
    CheckoutService checkout;

    /** Buyers in the middle of a checkout: half with tickets in their cart, half waiting for their card payment. */
    private static final int BUYERS_IN_PROGRESS = 300;
    /**
     * The live rows of the event in one index range (V14): many buyers to a page. Looking each buyer's order or hold
     * up (V13) read about six pages a buyer, 1,800 for these 300.
     */
    private static final int BUFFERS_PER_BUYER_IN_PROGRESS = 1;

    private UUID ticket;

    @BeforeEach
    void ticketTypeOnSaleWithBuyersInProgress() {
        try (var t = CurrentTenant.bind(account)) {
            ticket = fixtures.ticketType(event, "General", 2500, 1_000_000, null);
            for (int i = 0; i < BUYERS_IN_PROGRESS / 2; i++) {
                checkout.reserve(new Cart(event, Map.of(ticket, 2), null)); // in a cart
                HoldView hold = checkout.reserve(new Cart(event, Map.of(ticket, 2), null));
                checkout.placeOrder(SalesFixtures.orderFor(hold, "test_card"), BASE); // waiting for the card
            }
        }
    }

    @Test
    void countingWhatIsLeftReadsWhatTheBuyersInProgressNeedNotWhatWasSold() throws Exception {
        long fresh = buffersOfOneCount();
        try (var t = CurrentTenant.bind(account)) {
            fixtures.paidOrderHistory(event, ticket, 4_000);
        }
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            // the history was written in one transaction, so its sold count moved the ticket type's row 8,000 times
            // at once; sold over time, PostgreSQL would have pruned those row versions as it went
            sql.execute("vacuum tickets");
        }
        long withHistory = buffersOfOneCount(); // before PostgreSQL's statistics know of it, as in a rush
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            sql.execute("analyze holds, hold_lines, orders, attendees"); // as autovacuum does sooner or later
        }
        long analyzed = buffersOfOneCount();
        System.out.println("CountCostIT: buffers of one count: " + fresh + " fresh, " + withHistory
                + " with history, " + analyzed + " analyzed");
        long bound = BUFFERS_PER_BUYER_IN_PROGRESS * BUYERS_IN_PROGRESS;
        assertTrue(fresh <= bound && withHistory <= bound && analyzed <= bound, "the count read " + fresh
                + " buffers with " + BUYERS_IN_PROGRESS + " buyers in progress, " + withHistory + " once 8,000 tickets "
                + "had been sold and " + analyzed + " after the statistics were brought up to date; at most " + bound
                + " (" + BUFFERS_PER_BUYER_IN_PROGRESS + " per buyer in progress) were expected");
    }

    /**
     * Every finished checkout leaves two deleted rows in ticket_takes (its hold's, then its pending order's), whose
     * index entries stay until VACUUM (autovacuum comes about once a minute). A bitmap scan checks every such entry
     * at every count and never marks it: in the rush the count read ~6,700 entries a call for ~500 buyers in
     * progress. A plain index scan marks the entries of rows dead to everyone as it passes, and later counts skip
     * them, so the count must read the index that way (V18): checked on the plan PostgreSQL actually runs inside the
     * function (auto_explain, sent back as a notice), after finished checkouts and with up-to-date statistics.
     */
    @Test
    void theCountReadsItsIndexEntryByEntrySoItSkipsWhatWasTakenBack() throws Exception {
        try (var t = CurrentTenant.bind(account)) {
            for (int i = 0; i < 300; i++) {
                HoldView hold = checkout.reserve(new Cart(event, Map.of(ticket, 2), null));
                PlacedOrder order = checkout.placeOrder(SalesFixtures.orderFor(hold, "test_card"), BASE);
                assertTrue(checkout.pay(order.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE).paid());
            }
        }
        String plan;
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            sql.execute("analyze ticket_takes");
            sql.execute("load 'auto_explain'");
            sql.execute("set auto_explain.log_min_duration = 0");
            sql.execute("set auto_explain.log_nested_statements = on");
            sql.execute("set auto_explain.log_level = notice");
            sql.execute("set role " + EmbeddedDatabase.APP);
            sql.execute("select set_config('app.account_id', '" + account + "', false)");
            sql.clearWarnings();
            sql.executeQuery("select * from live_ticket_counts('" + event + "', now(), null)").close();
            StringBuilder notices = new StringBuilder();
            for (java.sql.SQLWarning w = sql.getWarnings(); w != null; w = w.getNextWarning()) {
                notices.append(w.getMessage()).append('\n');
            }
            plan = notices.toString();
        }
        System.out.println("CountCostIT: the count's plans:\n" + plan);
        assertTrue(plan.contains("Index Scan using ticket_takes_count_idx"), plan);
        assertFalse(plan.contains("Bitmap"), plan);
    }

    /**
     * Paying an order rewrites its row under the event's sales lock. No column a payment changes is indexed and the
     * pages of orders keep room for a second version (V17), so PostgreSQL writes the paid version next to the pending
     * one and touches no index (a HOT update: the paid version is a heap-only tuple); before V17 every payment also wrote a
     * new entry into each of the eleven indexes of orders, while the other buyers of the event waited.
     */
    @Test
    void payingAnOrderWritesNoIndexOfOrders() throws Exception {
        int payments = 40;
        // A HOT update needs room on the row's page, which PostgreSQL makes by pruning the versions earlier payments
        // left behind, once no transaction can still see them. In the shared test server another class's work may
        // still hold a snapshot (a background job it started): wait until no other transaction is open, before the
        // orders and before each payment, so what is measured is the payment, not the neighbours (one full run saw
        // 34 of 40 when only the start was waited for).
        awaitNoOtherOpenTransaction();
        List<PlacedOrder> placed = new ArrayList<>();
        try (var t = CurrentTenant.bind(account)) {
            for (int i = 0; i < payments; i++) {
                HoldView hold = checkout.reserve(new Cart(event, Map.of(ticket, 2), null));
                placed.add(checkout.placeOrder(SalesFixtures.orderFor(hold, "test_card"), BASE));
            }
        }
        try (var t = CurrentTenant.bind(account)) {
            for (PlacedOrder order : placed) {
                awaitNoOtherOpenTransaction();
                PaymentAttempt attempt = checkout.pay(order.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD),
                        BASE);
                assertTrue(attempt.paid(), attempt.problem());
            }
        }
        long[] heapOnly = paidVersionsWrittenAsHeapOnly();
        System.out.println("CountCostIT: " + payments + " payments: " + heapOnly[1] + " paid orders, " + heapOnly[0]
                + " written as heap-only tuples (HOT)");
        assertEquals(payments, heapOnly[1]);
        assertTrue(heapOnly[0] >= payments * 9L / 10, heapOnly[0] + " of " + payments + " payments rewrote their "
                + "order without touching the indexes of orders (a HOT update); at least nine in ten were expected");
    }

    /** Waits (up to a minute) until no other session of this database is inside a transaction holding a snapshot. */
    private void awaitNoOtherOpenTransaction() throws Exception {
        io.eventos.testing.Poll.until("no other open transaction (their snapshots keep old row versions)",
                java.time.Duration.ofMinutes(1), java.time.Duration.ofMillis(100), () -> {
                    try (Connection db = Superuser.connect(); Statement sql = db.createStatement();
                         ResultSet rs = sql.executeQuery("""
                                 select count(*) = 0 from pg_stat_activity
                                 where datname = current_database() and pid <> pg_backend_pid()
                                   and backend_xmin is not null""")) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                });
    }

    /**
     * Of the account's paid orders: how many have their current row version stored as a heap-only tuple (the new
     * version of a HOT update, which no index points at: pageinspect's flag HEAP_ONLY_TUPLE), and how many there are.
     */
    private long[] paidVersionsWrittenAsHeapOnly() throws SQLException {
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists stats");
            sql.execute("create extension if not exists pageinspect schema stats");
            try (ResultSet rs = sql.executeQuery("""
                    select count(*) filter (where (h.t_infomask2 & 32768) <> 0), count(*)
                    from orders o
                    cross join lateral stats.heap_page_items(
                        stats.get_raw_page('public.orders', ((o.ctid::text::point)[0])::bigint)) h
                    where o.account_id = '%s' and o.status = 'paid' and h.lp = ((o.ctid::text::point)[1])::int
                    """.formatted(account))) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** Buffers (shared, hit or read) of the count's statement in one more buyer's hold. */
    private long buffersOfOneCount() throws SQLException {
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists stats");
            sql.execute("create extension if not exists pg_stat_statements schema stats");
            sql.execute("select stats.pg_stat_statements_reset()");
        }
        try (var t = CurrentTenant.bind(account)) {
            checkout.reserve(new Cart(event, Map.of(ticket, 1), null));
        }
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("""
                     select coalesce(sum(shared_blks_hit + shared_blks_read), -1) from stats.pg_stat_statements
                     where query like '%event_stock(%' and query not like '%create function%'""")) {
            rs.next();
            long buffers = rs.getLong(1);
            assertTrue(buffers >= 0, "the count's statement was not found in pg_stat_statements");
            return buffers;
        }
    }
}
