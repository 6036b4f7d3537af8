package io.eventos.web;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.RawHttp;
import io.eventos.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements the application role runs for one request of each organizer list (issue 18), counted by PostgreSQL
 * (pg_stat_statements): a small fixed number, whatever the number of rows on the page — no statement per row.
 */
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
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists stats");
            sql.execute("create extension if not exists pg_stat_statements schema stats");
        }
        browser.get(base + "/login.xhtml");
        Browser.submitSignIn(browser, "owner@demo.eventos.test", "demo-owner-2026");
        session = browser.manage().getCookieNamed("EVENTOS_SESSION").getValue();
    }

    @Test
    void eachListRunsAFewStatementsWhateverItsRows() throws Exception {
        String summit = one("select e.id::text from events e join accounts a on a.id = e.account_id "
                + "where a.slug = 'demo' and e.slug = 'product-summit'");
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
            // the fewest of three requests: what a request needs itself, without what ran beside it (the session
            // check every 5 s, background jobs on the same server) — those show in one request but not in all three
            List<String> fewest = null;
            for (int i = 0; i < 3; i++) {
                List<String> queries = queriesFor(list.getValue());
                if (fewest == null || queries.size() < fewest.size()) {
                    fewest = queries;
                }
            }
            found.put(list.getKey(), fewest);
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
        Map<String, String> segments = new LinkedHashMap<>(RawHttp.formFields(page, "segments-form"));
        segments.put("jakarta.faces.partial.ajax", "true");
        segments.put("jakarta.faces.source", "segments-form:load-segments");
        segments.put("jakarta.faces.partial.execute", "segments-form:load-segments");
        segments.put("jakarta.faces.partial.render", "segments-form:segments-area");
        segments.put("segments-form:load-segments", "segments-form:load-segments");
        List<String> loading = statementsOf(() -> post("/app/contacts.xhtml", segments));
        assertThat(loading).as(String.join("\n", loading)).hasSizeLessThanOrEqualTo(MOST)
                .anyMatch(q -> q.matches("(?is).*\\bfrom segments\\b.*"));

        Map<String, String> filter = new LinkedHashMap<>(RawHttp.formFields(page, "contacts-form"));
        filter.put("jakarta.faces.partial.ajax", "true");
        filter.put("jakarta.faces.source", "contacts-form:filter");
        filter.put("jakarta.faces.partial.execute", "contacts-form");
        filter.put("jakarta.faces.partial.render", "contacts-form:contacts contacts-form:match-count");
        filter.put("contacts-form:filter", "contacts-form:filter");
        filter.put("contacts-form:consent_input", "yes");
        filter.put("contacts-form:text", "a");
        List<String> filtering = statementsOf(() -> {
            String answer = post("/app/contacts.xhtml", filter);
            assertThat(answer).contains("contacts-form:match-count");
        });
        assertThat(filtering).as(String.join("\n", filtering)).hasSizeLessThanOrEqualTo(MOST)
                .noneMatch(q -> q.matches("(?is).*\\bfrom (segments|contact_fields)\\b.*"));
        System.out.printf("contacts, segments request: %d statements; filter request: %d statements%n",
                loading.size(), filtering.size());
    }

    private interface Request {
        void run() throws Exception;
    }

    /** The application role's statements while {@code request} runs (as {@link #queriesFor}). */
    private static List<String> statementsOf(Request request) throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement()) {
            sql.execute("select stats.pg_stat_statements_reset()");
            request.run();
            return appStatements(sql);
        }
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
        String summit = one("select e.id::text from events e join accounts a on a.id = e.account_id "
                + "where a.slug = 'demo' and e.slug = 'product-summit'");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("account dashboard", "/app/?days=90");
        pages.put("event dashboard", "/app/event-dashboard.xhtml?event=" + summit);
        pages.put("reports", "/app/reports.xhtml");
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (var page : pages.entrySet()) {
            get(page.getValue());
            List<String> fewest = null;
            for (int i = 0; i < 3; i++) { // a refresh round between two requests makes one of them read again
                List<String> queries = allQueriesFor(page.getValue());
                if (fewest == null || queries.size() < fewest.size()) {
                    fewest = queries;
                }
            }
            found.put(page.getKey(), fewest);
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

    /** The application role's statements while the page is fetched, but the tenant binding and the outbox's. */
    private List<String> allQueriesFor(String path) throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement()) {
            sql.execute("select stats.pg_stat_statements_reset()");
            get(path);
            List<String> queries = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("""
                    select s.query, s.calls from stats.pg_stat_statements s join pg_roles r on r.oid = s.userid
                    where r.rolname = 'eventos_app'
                      and s.query !~* 'set_config' and s.query !~* 'outbox' and s.query !~* 'pg_catalog'
                      and s.query !~* '^\\s*(begin|commit|rollback|show|set )'
                    """)) {
                while (rs.next()) {
                    for (long i = 0; i < rs.getLong(2); i++) {
                        queries.add(rs.getString(1).replaceAll("\\s+", " "));
                    }
                }
            }
            return queries;
        }
    }

    /**
     * The application role's statements while the page is fetched, other than binding the tenant, page view
     * counters, the outbox workers' and the rollups' background rounds, and the driver's catalog look-ups.
     */
    private List<String> queriesFor(String path) throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement()) {
            sql.execute("select stats.pg_stat_statements_reset()");
            get(path);
            return appStatements(sql);
        }
    }

    private static List<String> appStatements(Statement sql) throws SQLException {
        List<String> queries = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("""
                select s.query, s.calls from stats.pg_stat_statements s join pg_roles r on r.oid = s.userid
                where r.rolname = 'eventos_app'
                  and s.query !~* 'set_config' and s.query !~* 'analytics' and s.query !~* 'outbox'
                  and s.query !~* 'rollup' and s.query !~* 'pg_catalog' and s.query !~* '^\\s*(begin|commit|rollback|show|set )'
                """)) {
            while (rs.next()) {
                for (long i = 0; i < rs.getLong(2); i++) {
                    queries.add(rs.getString(1).replaceAll("\\s+", " "));
                }
            }
        }
        return queries;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Cookie", "EVENTOS_SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path + " is the page, not the sign-in").doesNotContain("id=\"login-form\"");
        return response.body();
    }

    private static String one(String query) throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
