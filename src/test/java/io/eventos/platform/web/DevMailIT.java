package io.eventos.platform.web;

import io.eventos.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development outbox exists only without SMTP; the test server sends over SMTP, so every address of the
 * outbox is "not found" (the outbox itself is unit-tested in DevOutboxTest).
 */
class DevMailIT {

    @ParameterizedTest
    @ValueSource(strings = {"/dev/mail", "/dev/mail/", "/dev/mail.xhtml", "/dev/mail?id=1", "/dev/mail/1/html",
            "/dev/mail/1/attachments/0"})
    void theOutboxIsNotFoundWhenSmtpIsConfigured(String path) throws Exception {
        URI base = TestServer.baseUri();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found").doesNotContain("Development outbox");
    }
}
