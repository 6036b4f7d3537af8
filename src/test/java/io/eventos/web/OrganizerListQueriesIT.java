package io.eventos.web;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
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

    /** The most statements a list request may run (issue 18's target), the tenant binding not counted. */
    static final int MOST = 6;
    /**
     * The contacts list's first request also reads its four filter menus (custom fields, events, team, saved
     * segments) and the segments' live counts (one statement for all of them).
     */
    static final int MOST_FOR_CONTACTS = 8;

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
                .hasSizeLessThanOrEqualTo(name.equals("contacts") ? MOST_FOR_CONTACTS : MOST));
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
