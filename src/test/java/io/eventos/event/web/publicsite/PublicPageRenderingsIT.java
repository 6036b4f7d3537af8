package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PublicPageViewsIT;
import io.eventos.platform.text.Gzip;
import io.eventos.testing.Poll;
import io.eventos.testing.PublicEventFixture;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public event pages rendered once per change (issue 18): the first visit renders the page and keeps its HTML in the
 * database; once this server no longer holds the page's data (15 s), a visitor gets the kept HTML, byte for byte,
 * with one read instead of the page's reads and a render ({@code Server-Timing: ..., stored}); and as soon as what
 * the page says changes (here: seats taken away with plain SQL, which no cache is told about) it is rendered again.
 * A browser gets each of these answers gzipped ({@code Accept-Encoding}), the same page in fewer bytes.
 */
class PublicPageRenderingsIT {

    /**
     * HTTP/1.1, as a browser asks over plain HTTP and a reverse proxy asks the server (this client's default, an
     * upgrade to cleartext HTTP/2, is something no browser does, and the listener does not compress HTTP/2 answers).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aPageIsKeptAfterItsFirstRenderingAndAnsweredFromThereUntilWhatItSaysChanges() throws Exception {
        URI base = TestServer.baseUri();
        var event = PublicEventFixture.event("kept").ticket("Seat", 2500, 25).create();
        String path = "/e/demo/" + event.slug();

        HttpResponse<byte[]> first = get(base, path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(timing(first)).as("rendered").doesNotContain("stored");
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("Available");
        assertIdentity(first);

        byte[] kept = Poll.until("the rendering kept", Duration.ofSeconds(20), Duration.ofMillis(250),
                () -> keptHtml(event.slug()));
        assertThat(kept).as("the kept rendering is what the visitor got").isEqualTo(first.body());
        // a browser (Accept-Encoding: gzip) gets the same page compressed, from this server's memory
        assertGzipOf(first.body(), getGzip(base, path), "kept in memory");

        // once the server's memory no longer holds the page's data (15 s), the kept rendering answers
        HttpResponse<byte[]> stored = Poll.until("the kept rendering answered", Duration.ofSeconds(45),
                Duration.ofMillis(250), () -> {
                    HttpResponse<byte[]> r = get(base, path, null);
                    return r.statusCode() == 200 && timing(r).contains("stored") ? r : null;
                });
        assertThat(stored.body()).isEqualTo(first.body());
        assertIdentity(stored);
        assertThat(stored.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(stored.headers().firstValue("Content-Security-Policy"))
                .isEqualTo(first.headers().firstValue("Content-Security-Policy"));
        HttpResponse<byte[]> storedGzip = getGzip(base, path);
        assertThat(timing(storedGzip)).as("the second answer from the database").contains("stored");
        assertGzipOf(first.body(), storedGzip, "kept in the database");
        HttpResponse<byte[]> revisit = get(base, path, first.headers().firstValue("ETag").orElseThrow());
        assertThat(revisit.statusCode()).as("the visitor's copy is current").isEqualTo(304);
        assertThat(revisit.headers().firstValue("Vary")).hasValue("Accept-Encoding");

        // 10 seats taken away behind every cache's back: the page must now say "Only 15 left"
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement sql = db.prepareStatement("update tickets set quantity = 15 where event_id = ?")) {
            sql.setObject(1, event.id());
            assertThat(sql.executeUpdate()).isEqualTo(1);
        }
        HttpResponse<byte[]> after = getGzip(base, path);
        assertThat(timing(after)).as("rendered again").doesNotContain("stored");
        assertThat(after.headers().firstValue("Content-Encoding")).as("a fresh rendering, compressed")
                .hasValue("gzip");
        assertThat(new String(Gzip.decompress(after.body()), StandardCharsets.UTF_8)).contains("Only 15 left");
    }

    /**
     * What else a phone downloads on its first visit, the page's style sheet and script, and an organizer page's
     * PrimeFaces script: gzipped by the server's listener for a browser (pre-boot-commands.asadmin), saying so in
     * {@code Vary}, and exactly the file a client that asks for no coding gets.
     */
    @Test
    void theStyleSheetAndScriptsGoCompressedToABrowser() throws Exception {
        URI base = TestServer.baseUri();
        var event = PublicEventFixture.event("files").ticket("Seat", 2500, 25).create();
        String page = new String(get(base, "/e/demo/" + event.slug(), null).body(), StandardCharsets.UTF_8);
        String login = new String(get(base, "/login.xhtml", null).body(), StandardCharsets.UTF_8);
        List<String> files = List.of(address(page, "href=\"(/[^\"]*eventos\\.css[^\"]*)\""),
                address(login, "src=\"(/[^\"]*core\\.js[^\"]*ln=primefaces[^\"]*)\""));
        for (String file : files) {
            HttpResponse<byte[]> plain = get(base, file, null);
            assertThat(plain.statusCode()).as(file).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(file + ": none asked for").isEmpty();
            HttpResponse<byte[]> gzip = getGzip(base, file);
            assertThat(gzip.statusCode()).as(file).isEqualTo(200);
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(file).hasValue("gzip");
            assertThat(gzip.headers().allValues("Vary")).as(file).contains("Accept-Encoding");
            assertThat(gzip.body().length).as(file + ": compressed").isLessThan(plain.body().length / 3);
            assertThat(Gzip.decompress(gzip.body())).as(file + ": the same file").isEqualTo(plain.body());
        }
    }

    /** The first capture of {@code pattern} in {@code html}, with {@code &amp;} read as {@code &}. */
    private static String address(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        assertThat(m.find()).as(pattern).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static HttpResponse<byte[]> get(URI base, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("User-Agent", PublicPageViewsIT.BROWSER);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** As Chromium asks: the body is left compressed (this client does not decode it). */
    private static HttpResponse<byte[]> getGzip(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("User-Agent", PublicPageViewsIT.BROWSER)
                .header("Accept-Encoding", "gzip, deflate, br, zstd").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertIdentity(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Content-Encoding")).as("no coding asked for, none sent").isEmpty();
        assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    }

    private static void assertGzipOf(byte[] html, HttpResponse<byte[]> response, String what) throws Exception {
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).as(what).hasValue("gzip");
        assertThat(response.headers().firstValue("Vary")).as(what).hasValue("Accept-Encoding");
        assertThat(response.headers().firstValueAsLong("Content-Length")).as(what).hasValue(response.body().length);
        assertThat(response.body().length).as(what + ": compressed").isLessThan(html.length / 2);
        assertThat(Gzip.decompress(response.body())).as(what + ": the same page").isEqualTo(html);
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
                return Gzip.decompress(rs.getBytes(1));
            }
        }
    }
}
