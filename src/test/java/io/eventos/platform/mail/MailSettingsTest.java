package io.eventos.platform.mail;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSettingsTest {

    @Test
    void noHostMeansNoSmtp() {
        assertThat(MailSettings.from(config(Map.of()))).isEmpty();
        assertThat(MailSettings.from(config(Map.of("eventos.smtp.host", "  ")))).isEmpty();
    }

    @Test
    void defaults() {
        MailSettings settings = MailSettings.from(config(Map.of("eventos.smtp.host", "mail.example.com"))).orElseThrow();
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.tls()).isEqualTo(MailSettings.Tls.STARTTLS);
        assertThat(settings.user()).isNull();
        assertThat(settings.from()).isEqualTo("EventOS <no-reply@localhost>");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void everySetting() {
        MailSettings settings = MailSettings.from(config(Map.of("eventos.smtp.host", "mail.example.com",
                "eventos.smtp.port", "465", "eventos.smtp.tls", "TLS", "eventos.smtp.user", "events",
                "eventos.smtp.password", "secret", "eventos.mail.from", "Events <events@example.com>"))).orElseThrow();
        assertThat(settings).isEqualTo(new MailSettings("mail.example.com", 465, "events", "secret",
                MailSettings.Tls.TLS, "Events <events@example.com>"));
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void wrongValuesAreOneSentenceNamingTheVariable() {
        assertThatThrownBy(() -> MailSettings.from(config(Map.of("eventos.smtp.host", "h", "eventos.smtp.tls", "ssl"))))
                .hasMessage("EventOS cannot start: EVENTOS_SMTP_TLS='ssl' must be starttls, tls or none.");
        assertThatThrownBy(() -> MailSettings.from(config(Map.of("eventos.smtp.host", "h", "eventos.smtp.port", "x"))))
                .hasMessage("EventOS cannot start: EVENTOS_SMTP_PORT='x' is not a port number (1-65535).");
    }

    /** Just enough of MicroProfile Config for String values (empty counts as missing, as in MP Config). */
    private static Config config(Map<String, String> values) {
        return new Config() {
            @Override
            public <T> T getValue(String name, Class<T> type) {
                return getOptionalValue(name, type).orElseThrow();
            }

            @Override
            public ConfigValue getConfigValue(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty()).map(type::cast);
            }

            @Override
            public Iterable<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Iterable<ConfigSource> getConfigSources() {
                return java.util.List.of();
            }

            @Override
            public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
                return Optional.empty();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
