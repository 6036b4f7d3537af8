package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseUrlTest {

    @Test
    void derivedFromTheRequest() {
        assertThat(BaseUrl.derived("http", "127.0.0.1", 8080, "")).isEqualTo("http://127.0.0.1:8080");
        assertThat(BaseUrl.derived("https", "events.example.com", 443, "")).isEqualTo("https://events.example.com");
        assertThat(BaseUrl.derived("http", "localhost", 80, "/eventos")).isEqualTo("http://localhost/eventos");
        assertThat(BaseUrl.derived("HTTPS", "events.example.com", 8443, "/")).isEqualTo("https://events.example.com:8443");
        assertThat(BaseUrl.derived("http", "::1", 8080, "")).isEqualTo("http://[::1]:8080");
        assertThat(BaseUrl.derived("http", "[::1]", 8080, "")).isEqualTo("http://[::1]:8080");
    }

    @Test
    void aHostThatCouldChangeTheLinkIsRefused() {
        assertThatThrownBy(() -> BaseUrl.derived("http", "evil.example.com/phish?x=", 80, ""))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BaseUrl.derived("http", "a@b", 80, "")).isInstanceOf(IllegalStateException.class);
    }
}
