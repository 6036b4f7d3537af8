package io.eventos.ticketing;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.Cart;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.HoldView;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

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
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            // the history was written in one transaction, so its sold count moved the ticket type's row 8,000 times
            // at once; sold over time, PostgreSQL would have pruned those row versions as it went
            sql.execute("vacuum tickets");
        }
        long withHistory = buffersOfOneCount(); // before PostgreSQL's statistics know of it, as in a rush
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
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

    /** Buffers (shared, hit or read) of the count's statement in one more buyer's hold. */
    private long buffersOfOneCount() throws SQLException {
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists stats");
            sql.execute("create extension if not exists pg_stat_statements schema stats");
            sql.execute("select stats.pg_stat_statements_reset()");
        }
        try (var t = CurrentTenant.bind(account)) {
            checkout.reserve(new Cart(event, Map.of(ticket, 1), null));
        }
        try (Connection db = superuser(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("""
                     select coalesce(sum(shared_blks_hit + shared_blks_read), -1) from stats.pg_stat_statements
                     where query like '%event_stock(%' and query not like '%create function%'""")) {
            rs.next();
            long buffers = rs.getLong(1);
            assertTrue(buffers >= 0, "the count's statement was not found in pg_stat_statements");
            return buffers;
        }
    }

    /** The database's superuser (the embedded PostgreSQL trusts local connections), for the statistics only. */
    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(System.getenv("EVENTOS_DB_URL"), "postgres", "");
    }
}
