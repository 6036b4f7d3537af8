package io.eventos.platform.web;

import io.eventos.testing.RawHttp;
import io.eventos.testing.TestServer;
import io.eventos.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, finding 8: a NUL byte in a form field answered 500, and the checkout stored a 100 kB name and a
 * 102,412-character email. Every text a form sends now passes one rule (platform.web.TextInputConverter): control
 * characters and over-long text are refused with a sentence next to the field, the page answers 200, and nothing
 * typed elsewhere is lost. Over plain HTTP against the test server, on a public form and on the checkout.
 */
public class FormInputLimitsIT {

    private static final Pattern QUANTITY = Pattern.compile("<select[^>]*\\sname=\"([^\"]+)\"");
    private static final Pattern CHECKOUT = Pattern.compile("/e/demo/checkout/([A-Za-z0-9_-]+)");
    private static final String CONTROL = "Remove the control character (such as a NUL byte) from this field.";

    private final URI base = TestServer.baseUri();

    @Test
    void aNulByteIsASentenceNextToTheFieldNotAServerError() {
        RawHttp client = new RawHttp(base, "127.0.0.76");
        RawHttp.Response answer = TestUsers.post(client, "/e/demo/orders/find", "find-form",
                Map.of("find-form:email", "ada\u0000@example.com", "find-form:send", "Send me the links"), Map.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(messageFor(answer.body(), "find-form:email-message")).isEqualTo(CONTROL);
        assertThat(answer.body()).doesNotContain("Something went wrong", "at io.eventos", "Caused by");
    }

    @Test
    void theCheckoutRefusesAHundredKilobyteNameAndAControlCharacterAndKeepsTheRest() {
        RawHttp buyer = new RawHttp(base, "127.0.0.77");
        String token = holdOneTicket(buyer);
        try {
            String path = "/e/demo/checkout/" + token;
            RawHttp.Response page = buyer.get(path, Map.of());
            assertThat(page.status()).isEqualTo(200);
            Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "checkout-form"));
            form.put("checkout-form:buyer-name", "N".repeat(100_000));
            form.put("checkout-form:buyer-email", "buyer\u0007@example.com");
            form.put("checkout-form:place-order", "Place order");
            RawHttp.Response refused = buyer.post(path, form, Map.of());
            assertThat(refused.status()).isEqualTo(200);
            assertThat(messageFor(refused.body(), "checkout-form:buyer-name-message"))
                    .isEqualTo("Use at most 1,000 characters (this has 100,000).");
            assertThat(messageFor(refused.body(), "checkout-form:buyer-email-message")).isEqualTo(CONTROL);
            assertThat(TestUsers.queryLong("select count(*) from orders o join holds h on h.id = o.hold_id "
                    + "where h.token = ?", token)).as("no order").isZero();
        } finally {
            TestUsers.update("update holds set status = 'released' where token = ? and status = 'active'", token);
        }
    }

    /**
     * An organizer's upload over 21 MB (it answered 500) is refused with 413 on its Content-Length alone, before a
     * byte of it is read: the request claims 23 MB and sends none of it.
     */
    @Test
    void aSignedInOrganizersUploadOverTheLimitIsAnswered413BeforeItIsRead() throws Exception {
        RawHttp organizer = new RawHttp(base, "127.0.0.78");
        TestUsers.signIn(organizer, "owner@demo.eventos.test", "demo-owner-2026");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /app/event.xhtml HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Cookie: " + organizer.cookieHeader() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 23000000\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] chunk = new byte[4096];
            for (int n; !answer.toString().contains("</html>") && (n = socket.getInputStream().read(chunk)) > 0; ) {
                answer.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("That was too large to send");
        }
    }

    private static String holdOneTicket(RawHttp client) {
        String tickets = "/e/demo/product-summit/tickets";
        RawHttp.Response page = client.get(tickets, Map.of());
        Matcher quantity = QUANTITY.matcher(page.body());
        assertThat(quantity.find()).as("a quantity to choose").isTrue();
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "tickets-form"));
        form.put(quantity.group(1), "1");
        form.put("tickets-form:continue", "Continue");
        RawHttp.Response held = client.post(tickets, form, Map.of());
        Matcher checkout = CHECKOUT.matcher(String.valueOf(held.header("Location")));
        assertThat(checkout.find()).as("a checkout: " + held.status()).isTrue();
        return checkout.group(1);
    }

    /** The text of the message element with this id. */
    private static String messageFor(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("a message " + id).isGreaterThanOrEqualTo(0);
        int end = html.indexOf("</div>", at);
        String element = html.substring(html.indexOf('>', at) + 1, end < 0 ? html.length() : end);
        return TestUsers.text(element);
    }
}
