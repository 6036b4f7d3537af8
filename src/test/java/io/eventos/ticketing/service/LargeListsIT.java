package io.eventos.ticketing.service;

import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditRecord;
import io.eventos.account.service.AuditService;
import io.eventos.platform.persistence.ListTotal;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.AppStatements;
import io.eventos.testing.Superuser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organizer lists past {@value ListTotal#EXACT_UP_TO} rows (issue 18): the total becomes the planner's estimate
 * ("about ..."), and every page still shows the rows it would show with an exact count — the last page the list's
 * real end, a page near the end (read from the end) the same rows as counting from the start, in every sort order;
 * the text searches find what a LIKE over the same fields finds. Expectations come from the database as superuser.
 */
public class LargeListsIT extends EventOnSaleIT {

    private static final int ORDERS = ListTotal.EXACT_UP_TO + 500;

    @Inject
    OrderService orders;
    @Inject
    AuditService audit;
    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    /**
     * The account, owner and event with the orders, made by the class's first test and read by the others (they only
     * read them; the audit test adds audit entries, which no other test reads): 10,500 orders with their tickets
     * are the slow part, made once rather than per test. Static: in the container the class stays loaded.
     */
    private static UUID[] made;

    @BeforeEach
    void tenThousandAndMoreOrders() throws SQLException {
        if (made != null) {
            account = made[0];
            owner = made[1];
            event = made[2];
            return;
        }
        try (var t = CurrentTenant.bind(account)) {
            UUID ticket = fixtures.ticketType(event, "General", 2500, null, null);
            fixtures.paidOrderHistory(event, ticket, ORDERS);
        }
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            // placed one minute apart, two by two at the same minute, 300 buyer names, one total: ties the id must break
            sql.execute("""
                    update orders o set placed_at = now() - (x.n / 2) * interval '1 minute',
                                        buyer_name = 'Past Buyer ' || (x.n %% 300)
                    from (select id, row_number() over (order by id) as n from orders where event_id = '%s') x
                    where o.id = x.id""".formatted(event));
            sql.execute("analyze orders, order_lines, attendees");
        }
        made = new UUID[]{account, owner, event};
    }

    @Test
    void pastTenThousandTheTotalIsAnEstimateAndEveryPageShowsWhatAnExactCountWould() throws Exception {
        OrderFilter all = new OrderFilter(event, null, null, null, null, null);
        ListTotal total = as(() -> orders.total(all));
        assertTrue(total.estimated(), "more than " + ListTotal.EXACT_UP_TO + " orders are not counted one by one");
        assertTrue(total.rows() > ListTotal.EXACT_UP_TO, "at least what was counted: " + total.rows());
        assertTrue(total.words("order", "orders").startsWith("about "), total.words("order", "orders"));
        assertEquals(ORDERS, as(() -> orders.count(all)), "the exact count is still there for who needs it");

        for (String[] sort : new String[][]{{"placedAt", "o.placed_at"}, {"buyerName", "lower(o.buyer_name)"},
                {"totalMinor", "o.total_minor"}, {"code", "o.code"}}) {
            for (boolean ascending : new boolean[]{true, false}) {
                String dir = ascending ? " asc" : " desc";
                List<String> expected = codes("select code from orders o where event_id = '" + event + "' order by "
                        + sort[1] + dir + ", o.id" + dir);
                String what = sort[0] + dir;
                // the last page by the estimate: the list's real end, however far the estimate is off
                long last = (total.rows() - 1) / 25 * 25;
                List<String> end = codes(as(() -> orders.list(all, total, (int) last, 25, sort[0], ascending)));
                assertFalse(end.isEmpty(), what);
                assertEquals(expected.subList(expected.size() - end.size(), expected.size()), end, what + ": last page");
                // with an exact total a page near the end is read from the end: the same rows as from the start
                ListTotal exact = new ListTotal(ORDERS, false);
                int nearEnd = ORDERS - 60;
                assertEquals(expected.subList(nearEnd, nearEnd + 25),
                        codes(as(() -> orders.list(all, exact, nearEnd, 25, sort[0], ascending))), what + ": near the end");
                assertEquals(expected.subList(50, 75),
                        codes(as(() -> orders.list(all, total, 50, 25, sort[0], ascending))), what + ": page 3");
            }
        }
    }

    @Test
    void theSearchesFindWhatALikeOverTheSameFieldsFinds() throws Exception {
        OrderFilter past12 = new OrderFilter(event, null, null, null, null, "PAST12");
        List<String> expected = codes("select code from orders o where event_id = '" + event + "' and (lower(code) "
                + "like '%past12%' or lower(buyer_name) like '%past12%' or lower(buyer_email) like '%past12%') "
                + "order by placed_at desc, id desc");
        assertTrue(expected.size() > 1, "the search has something to find");
        ListTotal found = as(() -> orders.total(past12));
        assertEquals(new ListTotal(expected.size(), false), found);
        assertEquals(expected.subList(0, Math.min(25, expected.size())),
                codes(as(() -> orders.list(past12, found, 0, 25, "placedAt", false))));

        String code = codes("select code from orders where event_id = '" + event + "' order by code limit 1").get(0);
        List<AttendeeRow> tickets = as(() -> orders.attendees(event, code.toLowerCase(), 0, 50));
        assertEquals(2, tickets.size(), "the order's two tickets, found by its code");
        assertTrue(tickets.stream().allMatch(a -> a.orderCode().equals(code)));
        // the same search's first page read with its total: the same tickets, counted exactly
        io.eventos.platform.persistence.CountedPage<AttendeeRow> both = as(() -> orders.attendeeSearch(event,
                code.toLowerCase(), 50));
        assertEquals(new ListTotal(2, false), both.total());
        assertEquals(tickets, both.rows());
        // every holder is a "Past Guest": more matches than an exact total counts, so total and page are read apart
        assertEquals(null, as(() -> orders.attendeeSearch(event, "past", 50)));
        ListTotal attendees = as(() -> orders.attendeeTotal(event, null));
        assertTrue(attendees.estimated(), "2 tickets an order: " + attendees);
        List<AttendeeRow> last = as(() -> orders.attendees(event, null, attendees,
                (int) ((attendees.rows() - 1) / 50 * 50), 50));
        List<String> byName = codes("select a.id::text from attendees a where event_id = '" + event
                + "' order by lower(last_name), lower(first_name), a.id");
        assertEquals(byName.subList(byName.size() - last.size(), byName.size()),
                last.stream().map(a -> a.id().toString()).toList(), "the attendee list's last page is its end");
    }

    /**
     * An attendee search's first page read with its total (OrderService.attendeeSearch: the matches carry only their
     * id and names through the count and the sort, the page's rows are read again by id) is the list's first page in
     * name order, ties broken by id, and counts every match: 130 holders of three surnames containing "hoffmann"
     * and three first names, so most names are shared.
     */
    @Test
    void anAttendeeSearchsFirstPageIsTheNameOrderOfAllItsMatches() throws Exception {
        String renamed = "select id from attendees where event_id = '" + event + "' order by id limit 130";
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            sql.execute("""
                    update attendees a set first_name = (array['Zoe', 'adam', 'Mia'])[1 + x.n %% 3],
                                           last_name = (array['Hoffmann', 'Ahoffmann', 'hoffmanner'])[1 + x.n / 3 %% 3]
                    from (select id, row_number() over (order by id) as n from (%s) r) x
                    where a.id = x.id""".formatted(renamed));
        }
        try {
            List<String> expected = codes("select a.id::text from attendees a where event_id = '" + event
                    + "' and a.search_text like '%hoffmann%' order by lower(last_name), lower(first_name), a.id");
            assertEquals(130, expected.size());
            io.eventos.platform.persistence.CountedPage<AttendeeRow> both = as(() -> orders.attendeeSearch(event,
                    "Hoffmann", 50));
            assertEquals(new ListTotal(130, false), both.total());
            assertEquals(expected.subList(0, 50), both.rows().stream().map(a -> a.id().toString()).toList());
            assertEquals(as(() -> orders.attendees(event, "Hoffmann", 0, 50)), both.rows(),
                    "the same rows, with their order's code, ticket type and price, as the page read on its own");
        } finally {
            try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
                sql.execute("update attendees set first_name = 'Past', last_name = 'Guest' where id in (" + renamed
                        + ")");
            }
        }
    }

    /**
     * Under row level security a search condition is an index condition only when its functions are leakproof
     * (db/superuser/leakproof.sql, run by the embedded database as the README asks of a server) and not hidden in
     * coalesce() (hence the attendees' stored search_text, V40); otherwise a trigram index could narrow only to the
     * account or event and every order or ticket of it was read (issue 18: 300–900 ms at 200,000 orders). Which index
     * the planner picks among several depends on the data, so the probe is a table of its own with row level security
     * forced and a trigram index as its only index (made and dropped in a rolled-back transaction): with seq scans
     * off, the LIKE of lower(... || ...) must be the index's condition, as the application role.
     */
    @Test
    void aSearchCanUseItsTrigramIndexUnderRowLevelSecurity() throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection db = Superuser.connect(); Statement st = db.createStatement()) {
            st.execute("begin");
            st.execute("create table leakproof_probe (account_id uuid not null, name text not null, email text)");
            st.execute("alter table leakproof_probe enable row level security");
            st.execute("alter table leakproof_probe force row level security");
            st.execute("create policy tenant_isolation on leakproof_probe using "
                    + "(account_id = nullif(current_setting('app.account_id', true), '')::uuid)");
            st.execute("grant select on leakproof_probe to " + io.eventos.devserver.EmbeddedDatabase.APP);
            st.execute("create index leakproof_probe_idx on leakproof_probe using gin "
                    + "(lower(name || ' ' || email) gin_trgm_ops)");
            st.execute("insert into leakproof_probe select '" + account + "', 'Name ' || g, 'mail' || g || "
                    + "'@example.com' from generate_series(1, 2000) g");
            st.execute("analyze leakproof_probe");
            st.execute("set local role " + io.eventos.devserver.EmbeddedDatabase.APP);
            st.execute("select set_config('app.account_id', '" + account + "', true)");
            st.execute("set local enable_seqscan = off");
            try (ResultSet rs = st.executeQuery("explain select * from leakproof_probe "
                    + "where lower(name || ' ' || email) like '%zqxj%'")) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            st.execute("rollback");
        }
        assertTrue(plan.stream().anyMatch(line -> line.contains("Index Cond:") && line.contains("~~")),
                "the text is matched in the index:\n" + String.join("\n", plan));
    }

    /**
     * The tenant policies compare the account with the setting itself (V40), so the planner knows the bound account's
     * share of the table: with a sub-select it took "this account" for one account in however many there are, and
     * estimated a handful of this event's orders where there are 10,500.
     */
    @Test
    void thePlannerEstimatesTheBoundAccountsRowsNotAnAverageAccounts() throws Exception {
        String plan = Superuser.plan(account, "select o.id from orders o where o.event_id = '%s'".formatted(event))
                .get(0);
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("rows=(\\d+)").matcher(plan);
        assertTrue(rows.find(), plan);
        assertTrue(Long.parseLong(rows.group(1)) > ORDERS / 2, "the event's orders as the planner sees them: " + plan);
    }

    /**
     * A signed-in member's transaction (an organizer's list, search or filter) plans its statements with their values
     * and runs each on one process (TransactionSettings.bind): under many members at once, two parallel workers for a
     * list's 10-20 ms statement take CPU the other requests are waiting for (docs/benchmarks.md, "Contacts at scale",
     * run 7). An anonymous path (public pages, the checkout) keeps PostgreSQL's own choices.
     */
    @Test
    void aMembersTransactionPlansWithItsValuesOnOneProcess() {
        assertEquals(List.of("force_custom_plan", "0"),
                as(() -> fixtures.settings("plan_cache_mode", "max_parallel_workers_per_gather")));
        try (var t = CurrentTenant.bind(account)) {
            List<String> anonymous = fixtures.settings("plan_cache_mode", "max_parallel_workers_per_gather");
            assertEquals("auto", anonymous.get(0));
            assertNotEquals("0", anonymous.get(1), "PostgreSQL's default: parallel workers allowed");
        }
    }

    /**
     * One ticket type's total is counted from its lines (each order once, however many lines of the type it has), the
     * same as the orders the list shows; a ticket type that is not the event's counts nothing; and a type with more
     * than ListTotal.EXACT_UP_TO orders is at least that many, estimated.
     */
    @Test
    void aTicketTypesTotalCountsEachOfItsOrdersOnce() throws Exception {
        UUID late;
        try (var t = CurrentTenant.bind(account)) {
            late = fixtures.ticketType(event, "Late", 3000, null, null);
        }
        List<String> seven = codes("select id::text from orders where event_id = '" + event + "' order by code limit 7");
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into order_lines (id, account_id, order_id, ticket_id, quantity, unit_price_minor, total_minor)
                    select gen_random_uuid(), o.account_id, o.id, '%s', 1, 3000, 3000
                    from orders o, generate_series(1, case when o.id = '%s' then 2 else 1 end)
                    where o.id in (%s)""".formatted(late, seven.get(0),
                    String.join(",", seven.stream().map(id -> "'" + id + "'").toList())));
        }
        try {
            OrderFilter byLate = new OrderFilter(event, null, late, null, null, null);
            assertEquals(new ListTotal(7, false), as(() -> orders.total(byLate)), "seven orders, one with two lines");
            assertEquals(7, as(() -> orders.count(byLate)), "as the exact count over the orders says");
            assertEquals(7, as(() -> orders.list(byLate, new ListTotal(7, false), 0, 25, "placedAt", false)).size());
            assertEquals(new ListTotal(0, false),
                    as(() -> orders.total(new OrderFilter(event, null, UUID.randomUUID(), null, null, null))));
            UUID general = UUID.fromString(codes("select id::text from tickets where event_id = '" + event
                    + "' and name = 'General'").get(0));
            ListTotal all = as(() -> orders.total(new OrderFilter(event, null, general, null, null, null)));
            assertTrue(all.estimated() && all.rows() > ListTotal.EXACT_UP_TO, "every order has a General ticket: " + all);
        } finally {
            try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
                sql.execute("delete from order_lines where ticket_id = '" + late + "'");
                sql.execute("delete from tickets where id = '" + late + "'");
            }
        }
    }

    /**
     * A member's list is planned with its values however often it runs (TransactionSettings.bind): after five runs of
     * a statement on a connection PostgreSQL may keep a plan made without them (a generic plan), and for one ticket
     * type that plan hashed every order of the event to show 25 (issue 18: 357 ms and 200,000 buffers instead of 2 ms
     * at 200,000 orders). Thirty runs of the page each read about what its 25 rows need, not the event's 10,500 orders.
     */
    @Test
    void theOrdersOfOneTicketTypeStayCheapHoweverOftenTheListRuns() throws Exception {
        UUID general = UUID.fromString(codes("select id::text from tickets where event_id = '" + event
                + "' and name = 'General'").get(0));
        OrderFilter byGeneral = new OrderFilter(event, null, general, null, null, null);
        ListTotal total = new ListTotal(ORDERS, true);
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            // the statistics of the benchmark's shape, 15,000 events and 45,000 ticket types, where a plan made without
            // the values expects a handful of orders of an event and lines of a type (here: about 200 of each)
            sql.execute("alter table orders alter column event_id set (n_distinct = 15000)");
            sql.execute("alter table order_lines alter column ticket_id set (n_distinct = 45000)");
            sql.execute("analyze orders, order_lines");
            AppStatements.enable(db);
            AppStatements.reset(sql);
        }
        try {
            for (int i = 0; i < 30; i++) {
                assertEquals(25, as(() -> orders.list(byGeneral, total, 0, 25, "placedAt", false)).size());
            }
        } finally {
            try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
                sql.execute("alter table orders alter column event_id reset (n_distinct)");
                sql.execute("alter table order_lines alter column ticket_id reset (n_distinct)");
                sql.execute("analyze orders, order_lines");
            }
        }
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("select s.calls, (s.shared_blks_hit + s.shared_blks_read) / s.calls "
                     + AppStatements.OF_REQUESTS + " and s.query ~* 'from orders o where' and s.query ~* 'l.ticket_id'")) {
            long calls = 0;
            long buffers = 0;
            while (rs.next()) {
                calls += rs.getLong(1);
                buffers = Math.max(buffers, rs.getLong(2));
            }
            assertEquals(30, calls, "the list's statement, thirty times");
            assertTrue(buffers < 1_000, "buffers read per run of the page: " + buffers);
        }
    }

    /**
     * The attendee search matches the holder's name or email, or the code of the ticket's order. A name is no order
     * code, and the code's own trigram index (V43) says so without reading an order: the orders' search index (code,
     * buyer and email together) found every order bought under that name, read each and kept none, for the total and
     * again for the page (issue 18: "hoffmann", 4,000 orders of the flagship event, 10–12 ms a statement). Here every
     * buyer is a "Past Buyer": the service's order half for "buyer" is matched in an index and reads no order. Which
     * index the planner takes depends on the event's size (10,500 orders are cheap to read through the event's own
     * index; 200,000 are not), so the plan is made with the orders' other indexes dropped (the constraints' stay) in a
     * transaction rolled back, and sequential scans off.
     */
    @Test
    void anAttendeeSearchForABuyersNameReadsNoneOfTheirOrders() throws Exception {
        java.util.Map<Integer, Object> parameters = new java.util.HashMap<>();
        String where = OrderService.attendeeCondition(event, "buyer", parameters);
        java.util.regex.Matcher half = java.util.regex.Pattern.compile("array\\((select o\\.id from orders o .*)\\)\\)\\)$")
                .matcher(where);
        assertTrue(half.find(), "the order half of: " + where);
        String sql = half.group(1).replace("?1", "'" + parameters.get(1) + "'")
                .replace("?2", "'" + parameters.get(2) + "'");
        List<String> plan = Superuser.plan(account, "(analyze, buffers) " + sql, st -> {
            st.execute("set local lock_timeout = '5s'");
            List<String> others = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select i.indexrelid::regclass::text from pg_index i "
                    + "where i.indrelid = 'orders'::regclass and i.indexrelid is distinct from "
                    + "to_regclass('orders_event_code_search_idx') "
                    + "and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)")) {
                while (rs.next()) {
                    others.add(rs.getString(1));
                }
            }
            for (String index : others) {
                st.execute("drop index " + index);
            }
            st.execute("set local enable_seqscan = off");
        });
        String shown = sql + "\n" + String.join("\n", plan);
        assertTrue(plan.stream().anyMatch(line -> line.contains("Index Cond:") && line.contains("lower(code) ~~")),
                "the order's code is matched in an index:\n" + shown);
        assertTrue(plan.stream().noneMatch(line -> line.matches(".*Rows Removed by [A-Za-z ]+: [1-9].*")),
                "no order read only to be dropped:\n" + shown);
        assertEquals(0, as(() -> orders.attendeeTotal(event, "buyer")).rows());
    }

    /** The total is estimated, not counted, when the planner prices counting it above ListTotal.COUNT_BUDGET. */
    @Test
    void aFilterTooDearToCountGetsTheEstimate() throws Exception {
        // cheap to count: exact
        String code = codes("select code from orders where event_id = '" + event + "' order by code limit 1").get(0);
        assertEquals(new ListTotal(1, false),
                as(() -> orders.total(new OrderFilter(event, null, null, null, null, code))));
        // the same kind of statement ListTotal runs, over a row source the planner prices far above the budget: one
        // match in 3,000,000 numbers. Counted, the total would be exactly 1; estimated, it is the planner's guess.
        ListTotal dear = ListTotal.count(em, "from generate_series(1, ?1) g where g = ?2",
                java.util.Map.of(1, 3_000_000, 2, 17));
        assertTrue(dear.estimated(), "not counted: " + dear);
        assertTrue(dear.rows() > 1, "the planner's estimate, not the count: " + dear);
    }

    @Test
    void theAuditLogsLastPageIsItsOldestEntriesAndItsActionFilterIsAPrefix() throws Exception {
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into audit_log (id, account_id, occurred_at, actor_kind, action, subject_type, subject_id)
                    select gen_random_uuid(), '%s', now() - i * interval '1 minute', 'system',
                           case when i %% 1000 = 0 then 'promo_code.created' else 'order.placed' end, 'order',
                           gen_random_uuid()
                    from generate_series(1, %d) i""".formatted(account, ORDERS));
            sql.execute("analyze audit_log");
        }
        AuditQuery all = new AuditQuery(null, null, null, null);
        ListTotal total = as(() -> audit.total(all));
        assertTrue(total.estimated(), total.toString());
        List<String> oldest = codes("select id::text from audit_log where account_id = '" + account
                + "' order by occurred_at, id limit 25");
        List<AuditRecord> last = as(() -> audit.page(all, total, (int) ((total.rows() - 1) / 25 * 25), 25));
        List<String> lastIds = new ArrayList<>(last.stream().map(r -> r.id().toString()).toList());
        Collections.reverse(lastIds);
        assertEquals(oldest.subList(0, lastIds.size()), lastIds, "newest first down to the oldest");

        AuditQuery promo = new AuditQuery("promo_code.", null, null, null);
        assertEquals(ORDERS / 1000, as(() -> audit.count(promo)));
        assertEquals(new ListTotal(ORDERS / 1000, false), as(() -> audit.total(promo)));
        assertEquals(0, as(() -> audit.count(new AuditQuery("promo_code_", null, null, null))),
                "an underscore is an underscore, not any character");
    }

    private List<String> codes(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection db = Superuser.connect(); Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> codes(List<OrderRow> rows) {
        return rows.stream().map(OrderRow::code).toList();
    }
}
