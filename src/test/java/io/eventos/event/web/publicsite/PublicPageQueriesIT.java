package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PublicPageViewsIT;
import io.eventos.testing.AppStatements;
import io.eventos.testing.PublicEventFixture;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements the application role runs for a public event page, counted by PostgreSQL (pg_stat_statements): a
 * fixed number however long the agenda (no query per session or speaker), and none at all while the page's data
 * is cached.
 */
class PublicPageQueriesIT {

    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws SQLException {
        base = TestServer.baseUri();
        try (Connection db = TestDatabase.get().superuserConnection("eventos")) {
            AppStatements.enable(db);
        }
    }

    /**
     * The server's background jobs (the rollups' refresh every 30 s, the weekly summary's round every 5 s on the test
     * server) run statements of their own at moments no test controls, and one of them may fall inside a page's
     * window: so a page pair is measured up to {@value #ATTEMPTS} times, each time with two new events, and the pages
     * must cost the same in one of them. A query per session, speaker or ticket type would make the larger page cost
     * more every time.
     */
    @Test
    void theNumberOfQueriesDoesNotGrowWithTheAgendaAndACachedPageNeedsNone() throws Exception {
        page("/e/demo"); // the account's slug is remembered from here on
        List<String> seen = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ZoneId zone = ZoneId.of("Europe/Berlin");
            LocalDateTime day = LocalDateTime.of(2031, 5, 20, 0, 0);
            var small = PublicEventFixture.event("few-sessions").at(zone, day.withHour(9), day.withHour(18))
                    .session("Only talk", day.withHour(9), day.withHour(10), null, "talk", "Speaker One")
                    .ticket("Seat", 1000, 10)
                    .create();
            var big = PublicEventFixture.event("many-sessions").at(zone, day.withHour(9), day.withHour(18));
            for (int i = 0; i < 16; i++) {
                big.session("Talk " + i, day.withHour(9 + i / 2), day.withHour(9 + i / 2).withMinute(45),
                        i % 2 == 0 ? "Product" : "Engineering", "talk", "Speaker " + i, "Speaker " + (i + 1) % 16);
            }
            for (int i = 0; i < 6; i++) {
                big.ticket("Ticket " + i, 1000L * i, 100);
            }
            var bigEvent = big.create();
            page("/e/demo"); // the organizer page's data read again now, not during the measurement

            List<String> smallQueries = queriesFor("/e/demo/" + small.slug());
            List<String> bigQueries = queriesFor("/e/demo/" + bigEvent.slug());
            // 10: the page's reads, plus the look-up of a rendering kept in the database (none yet) and the account's
            // public content version read before the data (issue 18, "render once per change")
            assertThat(smallQueries).as("statements for one session: " + smallQueries).isNotEmpty();
            assertThat(queriesFor("/e/demo/" + bigEvent.slug())).as("the cached page").isEmpty();
            if (smallQueries.size() <= 10 && bigQueries.size() == smallQueries.size()) {
                return;
            }
            seen.add("attempt " + attempt + ": " + smallQueries.size() + " statements for one session " + smallQueries
                    + "; " + bigQueries.size() + " for 16 sessions, 16 speakers, 6 ticket types " + bigQueries);
        }
        throw new AssertionError("a page's first rendering should run at most 10 statements, the same for a long "
                + "agenda as for a short one:\n" + String.join("\n", seen));
    }

    private static final int ATTEMPTS = 3;

    /**
     * The application role's statements (calls) while the page is fetched, other than binding the tenant, writing
     * page view counters (every few seconds, whatever the page), the outbox workers' polls (every 2 s, whatever the
     * page) and the driver's catalog look-ups.
     */
    private static List<String> queriesFor(String path) throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos"); Statement sql = db.createStatement()) {
            sql.execute("select stats.pg_stat_statements_reset()");
            page(path);
            List<String> queries = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("""
                    select s.query, s.calls from stats.pg_stat_statements s join pg_roles r on r.oid = s.userid
                    where r.rolname = 'eventos_app' and s.query ~* '^\\s*(select|with)'
                      and s.query !~* 'set_config' and s.query !~* 'analytics' and s.query !~* 'outbox'
                      and s.query !~* 'pg_catalog'""")) { // the JDBC driver's own type look-ups, once per connection
                while (rs.next()) {
                    for (long i = 0; i < rs.getLong(2); i++) {
                        queries.add(rs.getString(1));
                    }
                }
            }
            return queries;
        }
    }

    private static void page(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .header("User-Agent", PublicPageViewsIT.BROWSER).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
