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

    @Test
    void theConfiguredAddressWinsOverAnyHostHeader() {
        BaseUrl.Settings settings = BaseUrl.Settings.parse(" https://events.example.com/ ", "");
        assertThat(settings.forRequest("http", "evil.example", 80, "")).contains("https://events.example.com");
        assertThat(settings.forRequest("http", "127.0.0.1", 8080, "/x")).contains("https://events.example.com");
        // even a host that is also allowed does not replace it
        assertThat(BaseUrl.Settings.parse("https://events.example.com/eventos", "localhost")
                .forRequest("http", "localhost", 8080, "")).contains("https://events.example.com/eventos");
    }

    @Test
    void withoutAConfiguredAddressOnlyAnAllowedHostNamesTheLink() {
        BaseUrl.Settings settings = BaseUrl.Settings.parse("", "Events.Example.com, localhost:8080, ::1, 127.0.0.1");
        assertThat(settings.forRequest("https", "events.example.com", 443, "")).contains("https://events.example.com");
        assertThat(settings.forRequest("https", "EVENTS.example.COM", 8443, "")).as("any port without one listed")
                .contains("https://EVENTS.example.COM:8443");
        assertThat(settings.forRequest("http", "localhost", 8080, "")).contains("http://localhost:8080");
        assertThat(settings.forRequest("http", "localhost", 9090, "")).as("another port than the listed one")
                .isEmpty();
        assertThat(settings.forRequest("http", "[::1]", 8080, "")).contains("http://[::1]:8080");
        assertThat(settings.forRequest("http", "::1", 8080, "")).contains("http://[::1]:8080");
        assertThat(settings.forRequest("http", "127.0.0.1", 8080, "/ctx")).contains("http://127.0.0.1:8080/ctx");

        assertThat(settings.forRequest("http", "evil.example", 80, "")).isEmpty();
        assertThat(settings.forRequest("http", "events.example.com.evil.example", 80, "")).isEmpty();
        assertThat(settings.forRequest("http", "localhost.", 8080, "")).isEmpty();
        assertThat(settings.forRequest("http", null, 80, "")).isEmpty();
    }

    @Test
    void withNeitherSettingNoRequestNamesTheLink() {
        BaseUrl.Settings settings = BaseUrl.Settings.parse("", "");
        assertThat(settings.forRequest("http", "localhost", 8080, "")).isEmpty();
        assertThat(settings.forRequest("http", "evil.example", 80, "")).isEmpty();
        assertThat(settings.describe()).contains("EVENTOS_BASE_URL is not set", "refused", "EVENTOS_ALLOWED_HOSTS");
    }

    @Test
    void publicPagesWithoutATrustedAddressLinkWithoutAHost() {
        BaseUrl.Settings none = BaseUrl.Settings.parse("", "localhost");
        assertThat(none.forPage("http", "evil.example", 80, "")).isEqualTo("");
        assertThat(none.forPage("http", "evil.example", 80, "/eventos/")).isEqualTo("/eventos");
        assertThat(none.forPage("http", "localhost", 8080, "")).isEqualTo("http://localhost:8080");
        assertThat(BaseUrl.Settings.parse("https://events.example.com", "")
                .forPage("http", "evil.example", 80, "")).isEqualTo("https://events.example.com");
    }

    @Test
    void theRefusalTellsTheOperatorWhatToSetInOneSentenceWithoutEchoingControlCharacters() {
        assertThat(new NoBaseUrlException("evil.example\r\nFAKE LOG LINE").getMessage())
                .startsWith("EventOS did not send an email with a link: EVENTOS_BASE_URL is not set and the "
                        + "request's host 'evil.example??FAKE?LOG?LINE' is not in EVENTOS_ALLOWED_HOSTS")
                .endsWith("set EVENTOS_BASE_URL to the public address, e.g. https://events.example.com.")
                .doesNotContain("\n", "\r");
    }

    @Test
    void aMalformedSettingStopsTheStartWithOneSentence() {
        assertThatThrownBy(() -> BaseUrl.Settings.parse("events.example.com", ""))
                .hasMessage("EventOS cannot start: EVENTOS_BASE_URL='events.example.com' is not an absolute http(s) "
                        + "address such as https://events.example.com.");
        assertThatThrownBy(() -> BaseUrl.Settings.parse("https://events.example.com/?x=1", ""))
                .hasMessageStartingWith("EventOS cannot start: EVENTOS_BASE_URL=");
        assertThatThrownBy(() -> BaseUrl.Settings.parse("javascript:alert(1)", ""))
                .hasMessageStartingWith("EventOS cannot start: EVENTOS_BASE_URL=");
        assertThatThrownBy(() -> BaseUrl.Settings.parse("", "localhost, https://x.example/"))
                .hasMessageStartingWith("EventOS cannot start: EVENTOS_ALLOWED_HOSTS names 'https://x.example/'");
    }
}
