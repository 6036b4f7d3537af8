package io.eventos.analytics.service;

import io.eventos.testing.Poll;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page views of the public pages reach the analytics table as daily counters: people's browsers count, robots,
 * scripts and prefetches do not, and nothing about the visitor is stored but the referring site's host name.
 */
public class PublicPageViewsIT {

    public static final String BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static URI base;

    @BeforeAll
    static void start() {
        base = TestServer.baseUri();
    }

    @Test
    void viewsOfPeoplesBrowsersAreCountedPerDayWithoutAnythingAboutTheVisitor() throws Exception {
        var event = PublicEventFixture.event("counted").create();
        String page = "/e/demo/" + event.slug();
        HttpResponse<String> first = get(page, BROWSER, Map.of("Referer", "https://news.example.com/story?id=7"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        get(page, BROWSER, Map.of());
        assertThat(get(page, BROWSER, Map.of("If-None-Match", etag)).statusCode()).as("a revalidated view counts")
                .isEqualTo(304);
        // not people
        get(page, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", Map.of());
        get(page, "curl/8.5.0", Map.of());
        get(page, BROWSER, Map.of("Sec-Purpose", "prefetch"));
        // a calendar download is its own metric
        get(page + ".ics", BROWSER, Map.of());

        Map<String, Long> counts = awaitCounts(event.id(), 4);
        assertThat(counts).containsOnly(
                Map.entry("page_view {\"referrer\": \"news.example.com\"}", 1L),
                Map.entry("page_view {}", 2L),
                Map.entry("calendar_download {}", 1L));
        // another flush (a later view arrived), and nothing was counted twice
        long organizerViews = organizerViewsToday();
        get("/e/demo", BROWSER, Map.of());
        Poll.until("a later flush ran", Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> organizerViewsToday() > organizerViews);
        assertThat(counts(event.id())).isEqualTo(counts);
    }

    @Test
    void aTaggedLinkIsCountedWithItsCampaignAndNothingElse() throws Exception {
        var event = PublicEventFixture.event("tagged").create();
        get("/e/demo/" + event.slug() + "?utm_source=Newsletter&utm_medium=email&utm_campaign=spring-launch",
                BROWSER, Map.of("Referer", "https://mail.example.com/inbox"));
        get("/e/demo/" + event.slug() + "?utm_source=ada@example.org", BROWSER, Map.of()); // not a word: dropped
        assertThat(awaitCounts(event.id(), 2)).containsOnly(
                Map.entry("page_view {\"referrer\": \"mail.example.com\", \"utm_medium\": \"email\", "
                        + "\"utm_source\": \"newsletter\", \"utm_campaign\": \"spring-launch\"}", 1L),
                Map.entry("page_view {}", 1L));
    }

    @Test
    void theOrganizerPageCountsWithoutAnEvent() throws Exception {
        long before = organizerViewsToday();
        get("/e/demo", BROWSER, Map.of());
        get("/e/demo", "Wget/1.21.4", Map.of());
        // other tests may count their own views meanwhile; at least this one arrives
        Poll.until("the organizer page's view counted", Duration.ofSeconds(30), Duration.ofMillis(500),
                () -> organizerViewsToday() >= before + 1);
    }

    private static Map<String, Long> awaitCounts(UUID eventId, long total) throws Exception {
        return Poll.until(total + " views counted", Duration.ofSeconds(30), Duration.ofMillis(500), () -> {
            Map<String, Long> counts = counts(eventId);
            return counts.values().stream().mapToLong(Long::longValue).sum() >= total ? counts : null;
        });
    }

    private static Map<String, Long> counts(UUID eventId) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement q = db.prepareStatement("""
                     select metric, dimensions::text, count from analytics
                     where event_id = ? and granularity = 'day'""")) {
            q.setObject(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.merge(rs.getString(1) + " " + rs.getString(2), rs.getLong(3), Long::sum);
                }
            }
        }
        return counts;
    }

    private static long organizerViewsToday() throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement q = db.prepareStatement("""
                     select coalesce(sum(a.count), 0) from analytics a join accounts acc on acc.id = a.account_id
                     where acc.slug = 'demo' and a.event_id is null and a.metric = 'page_view'
                       and a.granularity = 'day'""");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpResponse<String> get(String path, String userAgent, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("User-Agent", userAgent);
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(200, 304);
        return response;
    }
}
