package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PublicPageViewsIT;
import io.eventos.testing.Poll;
import io.eventos.testing.PublicEventFixture;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public event pages rendered once per change (issue 18): the first visit renders the page and keeps its HTML in the
 * database; once this server no longer holds the page's data (15 s), a visitor gets the kept HTML, byte for byte,
 * with one read instead of the page's reads and a render ({@code Server-Timing: ..., stored}); and as soon as what
 * the page says changes (here: seats taken away with plain SQL, which no cache is told about) it is rendered again.
 */
class PublicPageRenderingsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aPageIsKeptAfterItsFirstRenderingAndAnsweredFromThereUntilWhatItSaysChanges() throws Exception {
        URI base = TestServer.baseUri();
        var event = PublicEventFixture.event("kept").ticket("Seat", 2500, 25).create();
        String path = "/e/demo/" + event.slug();

        HttpResponse<byte[]> first = get(base, path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(timing(first)).as("rendered").doesNotContain("stored");
        assertThat(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Available");

        byte[] kept = Poll.until("the rendering kept", Duration.ofSeconds(20), Duration.ofMillis(250),
                () -> keptHtml(event.slug()));
        assertThat(kept).as("the kept rendering is what the visitor got").isEqualTo(first.body());

        // once the server's memory no longer holds the page's data (15 s), the kept rendering answers
        HttpResponse<byte[]> stored = Poll.until("the kept rendering answered", Duration.ofSeconds(45),
                Duration.ofMillis(250), () -> {
                    HttpResponse<byte[]> r = get(base, path, null);
                    return r.statusCode() == 200 && timing(r).contains("stored") ? r : null;
                });
        assertThat(stored.body()).isEqualTo(first.body());
        assertThat(stored.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(stored.headers().firstValue("Content-Security-Policy"))
                .isEqualTo(first.headers().firstValue("Content-Security-Policy"));
        HttpResponse<byte[]> revisit = get(base, path, first.headers().firstValue("ETag").orElseThrow());
        assertThat(revisit.statusCode()).as("the visitor's copy is current").isEqualTo(304);

        // 10 seats taken away behind every cache's back: the page must now say "Only 15 left"
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement sql = db.prepareStatement("update tickets set quantity = 15 where event_id = ?")) {
            sql.setObject(1, event.id());
            assertThat(sql.executeUpdate()).isEqualTo(1);
        }
        HttpResponse<byte[]> after = get(base, path, null);
        assertThat(timing(after)).as("rendered again").doesNotContain("stored");
        assertThat(new String(after.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Only 15 left");
    }

    private static HttpResponse<byte[]> get(URI base, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("User-Agent", PublicPageViewsIT.BROWSER);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String timing(HttpResponse<?> response) {
        return response.headers().firstValue("Server-Timing").orElse("");
    }

    private static byte[] keptHtml(String slug) throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement sql = db.prepareStatement(
                     "select html_gzip from public_page_renderings where slug = ?")) {
            sql.setString(1, slug);
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(rs.getBytes(1)))) {
                    return in.readAllBytes();
                }
            }
        }
    }
}
