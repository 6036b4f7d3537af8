package io.eventos.web;

import io.eventos.testing.AppStatements;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.BrowserTest.BrowsersOnDemand;
import io.eventos.testing.RawHttp;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestUsers;
import io.eventos.ticketing.web.publicsite.CheckoutIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements the application role runs for one request of each organizer list (issue 18), counted by PostgreSQL
 * (pg_stat_statements): a small fixed number, whatever the number of rows on the page — no statement per row.
 */
@BrowsersOnDemand
class OrganizerListQueriesIT extends BrowserTest {

    /**
     * The most statements a list request may run (issue 18's target), the tenant binding not counted. The contacts
     * list too: its first request reads the list, its count and its filter menus, which stay in the view; the saved
     * segments with their live counts come with the page's second request (ContactsPage.loadSegments).
     */
    static final int MOST = 6;

    private static String session;

    @BeforeEach
    void signIn() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos")) {
            AppStatements.enable(db);
        }
        RawHttp http = new RawHttp(base); // the requests are plain HTTP: no browser needed, not even to sign in
        TestUsers.signIn(http, "owner@demo.eventos.test", "demo-owner-2026");
        session = http.cookie("EVENTOS_SESSION");
    }

    @Test
    void eachListRunsAFewStatementsWhateverItsRows() throws Exception {
        String summit = CheckoutIT.eventId();
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("events", "/app/events.xhtml");
        lists.put("orders", "/app/orders.xhtml?event=" + summit);
        lists.put("attendees", "/app/attendees.xhtml?event=" + summit);
        lists.put("audit log", "/app/audit.xhtml");
        lists.put("contacts", "/app/contacts.xhtml");
        lists.put("venues", "/app/venues.xhtml");
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (var list : lists.entrySet()) {
            String page = get(list.getValue()); // warm: the first request of a session may load what later ones share
            if (!list.getKey().equals("venues")) {
                // a statement per row would add at least 5 to the list's own 2 or more, over the budget
                assertThat(page.split("data-ri=\"", -1).length - 1).as(list.getKey()
                        + ": enough rows that a statement per row would show").isGreaterThanOrEqualTo(5);
            }
            found.put(list.getKey(), fewestOfThree(() -> statementsOf(AppStatements.OF_REQUESTS,
                    () -> get(list.getValue()))));
        }
        found.forEach((name, queries) -> System.out.printf("%s: %d statements%n  %s%n", name, queries.size(),
                String.join("\n  ", queries)));
        assertThat(found).allSatisfy((name, queries) -> assertThat(queries).as(name + ": " + String.join("\n", queries))
                .hasSizeLessThanOrEqualTo(MOST));
    }

    /**
     * The contacts list's later requests in its view: the segments with their counts (sent by the page as it
     * shows), then a filter and a search (the count and the page) read no menu again.
     */
    @Test
    void theContactListsLaterRequestsStayWithinTheBudgetAndReadNoMenuAgain() throws Exception {
        String page = get("/app/contacts.xhtml");
        Map<String, String> segments = ajax(page, "segments-form", "segments-form:load-segments",
                "segments-form:load-segments", "segments-form:segments-area");
        List<String> loading = statementsOf(AppStatements.OF_REQUESTS, () -> post("/app/contacts.xhtml", segments));
        assertThat(loading).as(String.join("\n", loading)).hasSizeLessThanOrEqualTo(MOST)
                .anyMatch(q -> q.matches("(?is).*\\bfrom segments\\b.*"));

        Map<String, String> filter = ajax(page, "contacts-form", "contacts-form:filter", "contacts-form",
                "contacts-form:contacts contacts-form:match-count");
        filter.put("contacts-form:consent_input", "yes");
        filter.put("contacts-form:text", "a");
        List<String> filtering = statementsOf(AppStatements.OF_REQUESTS, () -> {
            String answer = post("/app/contacts.xhtml", filter);
            assertThat(answer).contains("contacts-form:match-count");
        });
        assertThat(filtering).as(String.join("\n", filtering)).hasSizeLessThanOrEqualTo(MOST)
                .noneMatch(q -> q.matches("(?is).*\\bfrom (segments|contact_fields)\\b.*"));
        System.out.printf("contacts, segments request: %d statements; filter request: %d statements%n",
                loading.size(), filtering.size());
    }

    /** The orders list filtered by one ticket type (a postback): the count and the page, no statement per order. */
    @Test
    void theOrdersListFilteredByATicketTypeStaysWithinTheBudget() throws Exception {
        String summit = CheckoutIT.eventId();
        String ticket = one("select t.id::text from tickets t join order_lines l on l.ticket_id = t.id "
                + "where t.event_id = '" + summit + "' group by t.id order by count(*) desc limit 1");
        String page = get("/app/orders.xhtml?event=" + summit);
        Map<String, String> filter = ajax(page, "orders-form", "orders-form:filter", "orders-form", "orders-form");
        filter.put("orders-form:ticket_input", ticket);
        List<String> filtering = fewestOfThree(() -> statementsOf(AppStatements.OF_REQUESTS, () -> {
            String answer = post("/app/orders.xhtml?event=" + summit, filter);
            assertThat(answer).contains("data-ri=\"");
        }));
        System.out.printf("orders, ticket type filter: %d statements%n  %s%n", filtering.size(),
                String.join("\n  ", filtering));
        assertThat(filtering).as(String.join("\n", filtering)).hasSizeLessThanOrEqualTo(MOST);
    }

    /**
     * A search of the attendee list reads its matching tickets once: the first page and its exact total come from one
     * statement (OrderService.attendeeSearch), where the total and the page each read all the matches before (issue
     * 18: "hoffmann", 8,000 of an event's 400,000 tickets). The total shown is the database's count of the matches.
     */
    @Test
    void anAttendeeSearchReadsItsMatchesOnce() throws Exception {
        String summit = CheckoutIT.eventId();
        // the summit's most common surname among its ticket holders
        String name = one("select lower(last_name) from attendees where event_id = '" + summit + "' "
                + "and length(last_name) >= 3 group by lower(last_name) order by count(*) desc, 1 limit 1");
        long matches = Long.parseLong(one("select count(*) from attendees a where a.event_id = '" + summit + "' "
                + "and (a.search_text like '%" + name + "%' or a.order_id in (select o.id from orders o "
                + "where o.event_id = '" + summit + "' and lower(o.code) like '%" + name + "%'))"));
        assertThat(matches).as("the demo has several " + name).isGreaterThan(1);
        String page = get("/app/attendees.xhtml?event=" + summit);
        Map<String, String> search = ajax(page, "attendees-form", "attendees-form:search", "attendees-form",
                "attendees-form:attendees");
        search.put("attendees-form:text", name);
        List<String> searching = fewestOfThree(() -> statementsOf(AppStatements.OF_REQUESTS, () -> {
            String answer = post("/app/attendees.xhtml?event=" + summit, search);
            assertThat(answer).contains(matches + " tickets");
        }));
        System.out.printf("attendees, search \"%s\": %d statements%n  %s%n", name, searching.size(),
                String.join("\n  ", searching));
        assertThat(searching.stream().filter(q -> q.contains("from attendees a"))).as(String.join("\n", searching))
                .hasSize(1);
    }

    /**
     * A search of the contact list reads its matching contacts once: the count and the first page come from one
     * statement (ContactService.searchFirstPage), where the count and the page each read the matches before (issue 15:
     * "anna sc" walked 10,000 contacts for its page of 25). The count shown is the database's count of the matches.
     */
    @Test
    void aContactSearchReadsItsMatchesOnce() throws Exception {
        String live = "c.erased_at is null and c.merged_into_id is null and c.account_id = (select id from accounts "
                + "where slug = 'demo')";
        // the demo's most common surname among its contacts
        String name = one("select lower(c.last_name) from contacts c where " + live + " and length(c.last_name) >= 3 "
                + "and c.last_name ~ '^[A-Za-z]+$' group by lower(c.last_name) order by count(*) desc, 1 limit 1");
        long matches = Long.parseLong(one("select count(*) from contacts c where " + live
                + " and c.search @@ to_tsquery('simple', '" + name + ":*')"));
        assertThat(matches).as("the demo has several " + name).isBetween(2L, 1_000L);
        String page = get("/app/contacts.xhtml");
        Map<String, String> search = ajax(page, "contacts-form", "contacts-form:filter", "contacts-form",
                "contacts-form:contacts contacts-form:match-count");
        search.put("contacts-form:text", name);
        List<String> searching = fewestOfThree(() -> statementsOf(AppStatements.OF_REQUESTS, () -> {
            String answer = post("/app/contacts.xhtml", search);
            assertThat(answer).contains(matches + " contacts");
        }));
        System.out.printf("contacts, search \"%s\": %d statements%n  %s%n", name, searching.size(),
                String.join("\n  ", searching));
        assertThat(searching.stream().filter(q -> q.matches("(?is).*\\bfrom contacts c\\b.*")))
                .as(String.join("\n", searching)).hasSize(1);
    }

    private interface Request {
        void run() throws Exception;
    }

    /** The application role's statements ({@code filter}: an {@link AppStatements} filter) while {@code request} runs. */
    private static List<String> statementsOf(String filter, Request request) throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement()) {
            AppStatements.reset(sql);
            request.run();
            return AppStatements.list(sql, filter);
        }
    }

    /**
     * The fewest statements of three runs: what a request needs itself, without what ran beside it (the session check
     * every 5 s, background jobs on the same server, a refresh of the rollups) — those show in one run but not in all
     * three.
     */
    private static List<String> fewestOfThree(Callable<List<String>> run) throws Exception {
        List<String> fewest = null;
        for (int i = 0; i < 3; i++) {
            List<String> statements = run.call();
            if (fewest == null || statements.size() < fewest.size()) {
                fewest = statements;
            }
        }
        return fewest;
    }

    /**
     * The fields PrimeFaces posts when {@code source} (a button) is clicked in {@code form} of {@code page}: the form's
     * own fields and the partial request's, executing {@code execute} and rendering {@code render}; to add to.
     */
    private static Map<String, String> ajax(String page, String form, String source, String execute, String render) {
        Map<String, String> fields = new LinkedHashMap<>(RawHttp.formFields(page, form));
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", source);
        fields.put("jakarta.faces.partial.execute", execute);
        fields.put("jakarta.faces.partial.render", render);
        fields.put(source, source);
        return fields;
    }

    private String post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(),
                java.nio.charset.StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(e.getValue(),
                java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Cookie", "EVENTOS_SESSION=" + session).header("Faces-Request", "partial/ajax")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as("an ajax answer, not an error").contains("<partial-response")
                .doesNotContain("<error>");
        return response.body();
    }

    /**
     * The dashboards and the reports page (issue 16, "Speed"): a repeated request of the same view finds its figures
     * kept until the next refresh of the rollups, so it reads no rollup table and no raw order, and only a few
     * statements in all (counted here with the page-view and rollup statements, unlike the lists above).
     */
    @Test
    void aRepeatedDashboardReadsNeitherTheRollupsNorTheOrdersAgain() throws Exception {
        String summit = CheckoutIT.eventId();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("account dashboard", "/app/?days=90");
        pages.put("event dashboard", "/app/event-dashboard.xhtml?event=" + summit);
        pages.put("reports", "/app/reports.xhtml");
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (var page : pages.entrySet()) {
            get(page.getValue());
            // a refresh round between two requests makes one of them read again: the fewest of three
            found.put(page.getKey(), fewestOfThree(() -> statementsOf(AppStatements.ALL, () -> get(page.getValue()))));
        }
        found.forEach((name, queries) -> System.out.printf("%s: %d statements%n  %s%n", name, queries.size(),
                String.join("\n  ", queries)));
        assertThat(found).allSatisfy((name, queries) -> {
            assertThat(queries).as(name).noneMatch(q -> q.contains("sales_daily") || q.contains("checkin_rollup")
                    || q.matches("(?is).*\\bfrom orders\\b.*"));
            // the home page also reads the member's tasks, the event count, the user and today's zone: 7 (measured
            // 2026-12-05: account dashboard 7, event dashboard 2, reports 3)
            assertThat(queries).as(name + ": " + String.join("\n", queries))
                    .hasSizeLessThanOrEqualTo(name.equals("account dashboard") ? MOST + 1 : MOST);
        });
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Cookie", "EVENTOS_SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path + " is the page, not the sign-in").doesNotContain("id=\"login-form\"");
        return response.body();
    }

    private static String one(String query) {
        return TestDatabase.query(query).get(0);
    }
}
