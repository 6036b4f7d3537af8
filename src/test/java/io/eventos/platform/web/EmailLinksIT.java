package io.eventos.platform.web;

import io.eventos.testing.RawHttp;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret links in emails and the absolute links of cached public pages name the configured address
 * (EVENTOS_BASE_URL, which the test server sets to its own), never the Host header a request sent: otherwise anyone
 * could ask for a victim's password reset with {@code Host: evil.example} and the victim's email would carry a valid
 * token to evil.example. The requests here forge that header (over a plain socket: java.net.http refuses to).
 */
class EmailLinksIT {

    private static final String FORGED = "evil.example";
    private static final Map<String, String> FORGED_HOST = Map.of("Host", FORGED);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Pattern LINKS = Pattern.compile("https?://[^\\s\"'<>]+");

    private URI base;
    private TestMail mail;

    @BeforeEach
    void open() {
        base = TestServer.baseUri();
        mail = TestServer.mail();
    }

    @Test
    void aPasswordResetAskedWithAForgedHostMailsALinkToThisServer() {
        String viewer = "viewer@demo.eventos.test"; // no test changes the viewer's password; a new link is harmless
        int seen = mail.messagesTo(viewer).size();
        RawHttp http = new RawHttp(base);
        RawHttp.Response page = http.get("/forgot-password.xhtml", FORGED_HOST);
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "forgot-form"));
        form.put("forgot-form:email", viewer);
        form.put("forgot-form:send", "Send the link");

        RawHttp.Response sent = http.post("/forgot-password.xhtml", form, FORGED_HOST);
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);

        MimeMessage message = mail.awaitMessageTo(viewer, seen, MAIL_WAIT);
        List<String> links = links(TestMail.text(message));
        assertThat(links).as("the reset link in the email").anySatisfy(link ->
                assertThat(link).startsWith(base + "/reset-password.xhtml?token="));
        assertThat(links).allSatisfy(link -> assertThat(link).startsWith(base + "/"));
        assertThat(TestMail.html(message)).doesNotContain(FORGED);
        assertThat(TestMail.text(message)).doesNotContain(FORGED);
    }

    @Test
    void findMyOrdersAskedWithAForgedHostMailsLinksToThisServer() throws Exception {
        String buyer = aDemoBuyer();
        int seen = mail.messagesTo(buyer).size();
        RawHttp http = new RawHttp(base);
        RawHttp.Response page = http.get("/e/demo/orders/find", FORGED_HOST);
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "find-form"));
        form.put("find-form:email", buyer);
        form.put("find-form:send", "Send me the links");

        RawHttp.Response sent = http.post("/e/demo/orders/find", form, FORGED_HOST);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("If you ordered with this address, we sent the links to your orders there.");

        MimeMessage message = mail.awaitMessageTo(buyer, seen, MAIL_WAIT);
        List<String> links = links(TestMail.text(message));
        assertThat(links).as("the order links in the email").anySatisfy(link ->
                assertThat(link).startsWith(base + "/e/demo/orders/"));
        assertThat(links).allSatisfy(link -> assertThat(link).startsWith(base + "/"));
        assertThat(TestMail.html(message)).doesNotContain(FORGED);
    }

    @Test
    void publicPagesAndCalendarFilesNameThisServerWhateverTheHostHeader() {
        RawHttp http = new RawHttp(base);
        // first with the forged host, so that if it could reach the shared cache, it would be there for everyone
        RawHttp.Response event = http.get("/e/demo/product-summit", FORGED_HOST);
        assertThat(event.status()).isEqualTo(200);
        assertThat(event.body())
                .contains("<link rel=\"canonical\" href=\"" + base + "/e/demo/product-summit\"")
                .contains("\"url\":\"" + base + "/e/demo/product-summit\"")
                .doesNotContain(FORGED);
        RawHttp.Response organizer = http.get("/e/demo", FORGED_HOST);
        assertThat(organizer.status()).isEqualTo(200);
        assertThat(organizer.body()).contains("<link rel=\"canonical\" href=\"" + base + "/e/demo\"")
                .doesNotContain(FORGED);
        RawHttp.Response calendar = http.get("/e/demo/product-summit.ics", FORGED_HOST);
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.body().replace("\r\n ", "")).contains("URL:" + base + "/e/demo/product-summit")
                .doesNotContain(FORGED);

        RawHttp.Response honest = new RawHttp(base).get("/e/demo/product-summit", Map.of());
        assertThat(honest.body()).doesNotContain(FORGED);
    }

    private static List<String> links(String text) {
        Matcher matcher = LINKS.matcher(text);
        List<String> links = new java.util.ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links;
    }

    private static String aDemoBuyer() throws Exception {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             ResultSet rs = db.createStatement().executeQuery("""
                     select o.buyer_email from orders o join accounts a on a.id = o.account_id
                     where a.slug = 'demo' order by o.placed_at limit 1""")) {
            assertThat(rs.next()).as("a demo order").isTrue();
            return rs.getString(1);
        }
    }
}
