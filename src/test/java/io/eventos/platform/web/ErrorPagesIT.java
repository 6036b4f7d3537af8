package io.eventos.platform.web;

import io.eventos.testing.InContainer;
import io.eventos.testing.RawHttp;
import io.eventos.testing.SuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees when the server fails: the 500 page with an error id, never a stack trace or a detail; and the
 * plain page for an email whose link this server has no trusted address for.
 */
@InContainer
class ErrorPagesIT {

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @ArquillianResource
    URL deployed;

    @Test
    @RunAsClient
    void aFailureShowsTheErrorPageWithAnIdAndNoDetails() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath());
        HttpResponse<String> failed = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("it/fail")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("Something went wrong", "Error id")
                .doesNotContain("IllegalStateException", "secret internal detail", "postgres://", "at io.eventos");
        Matcher id = Pattern.compile("<code id=\"error-id\">([0-9A-F]{8})</code>").matcher(failed.body());
        assertThat(id.find()).as("an error id to quote to support").isTrue();
    }

    /**
     * Issue 13, finding 8: a body over its limit is answered 413 with the "too large" page before anything reads
     * it — a multipart body on a page without a file field (it was parsed on every Faces page, up to ~51 MB), any form
     * over 2 MB — never a 500 or a stack trace (an upload over 21 MB: FormInputLimitsIT, signed in).
     */
    @Test
    @RunAsClient
    void aBodyOverItsLimitIsAnswered413WithThePageThatSaysSo() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath());
        String path = base.getPath() + "login.xhtml";
        RawHttp.Response multipart = new RawHttp(base).post(path, Map.of("a", "b"),
                Map.of("Content-Type", "multipart/form-data; boundary=xyz"));
        assertThat(multipart.status()).isEqualTo(413);
        assertThat(multipart.body()).contains("That was too large to send").doesNotContain("at io.eventos", "Caused by");

        RawHttp.Response hugeForm = new RawHttp(base).post(base.getPath() + "e/demo/product-summit/tickets",
                Map.of("name", "x".repeat(3_000_000)), Map.of());
        assertThat(hugeForm.status()).isEqualTo(413);
        assertThat(hugeForm.body()).contains("That was too large to send");
    }

    /**
     * This deployment has no EVENTOS_BASE_URL (in-container tests run on a random port) and allows only loopback
     * host names (EVENTOS_ALLOWED_HOSTS in pom.xml): a reset asked with another Host header is refused with a plain
     * page, 503, and no email goes out; asked at the server's own address it is sent as usual.
     */
    @Test
    @RunAsClient
    void anEmailWithALinkForAHostThatIsNotAllowedIsRefusedWithAPlainPage() {
        URI base = URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath());
        String path = deployed.getPath() + "forgot-password.xhtml";

        RawHttp.Response refused = askForReset(new RawHttp(base), path, Map.of("Host", "evil.example"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).contains("This email cannot be sent right now",
                        "it does not know its own web address, so it cannot put a link in an email. Nothing was sent")
                .doesNotContain("EVENTOS_BASE_URL", "at io.eventos", "Error id");

        RawHttp.Response sent = askForReset(new RawHttp(base), path, Map.of());
        assertThat(sent.status()).as("at an allowed host the link is sent").isEqualTo(302);
    }

    private static RawHttp.Response askForReset(RawHttp http, String path, Map<String, String> headers) {
        RawHttp.Response page = http.get(path, headers);
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "forgot-form"));
        form.put("forgot-form:email", "someone@example.com");
        form.put("forgot-form:send", "Send the link");
        return http.post(path, form, headers);
    }
}
