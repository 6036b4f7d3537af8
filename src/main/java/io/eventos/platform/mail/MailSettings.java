package io.eventos.platform.mail;

import org.eclipse.microprofile.config.Config;

import java.util.Locale;
import java.util.Optional;

/**
 * How to reach the SMTP server: EVENTOS_SMTP_HOST, EVENTOS_SMTP_PORT (587), EVENTOS_SMTP_USER and
 * EVENTOS_SMTP_PASSWORD (authentication when a user is set), EVENTOS_SMTP_TLS ({@code starttls} | {@code tls} |
 * {@code none}) and EVENTOS_MAIL_FROM. Without a host there is no SMTP server and mail goes to the development outbox.
 */
public record MailSettings(String host, int port, String user, String password, Tls tls, String from) {

    public static final String DEFAULT_FROM = "EventOS <no-reply@localhost>";

    /** Transport security towards the SMTP server. */
    public enum Tls {
        /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
        STARTTLS,
        /** TLS from the first byte (SMTPS, port 465). */
        TLS,
        /** No encryption: only for a server on the same machine or network (and tests). */
        NONE
    }

    /** The SMTP settings, or empty when EVENTOS_SMTP_HOST is not set. */
    public static Optional<MailSettings> from(Config config) {
        Optional<String> host = config.getOptionalValue("eventos.smtp.host", String.class)
                .map(String::trim).filter(h -> !h.isEmpty());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String portText = config.getOptionalValue("eventos.smtp.port", String.class).orElse("587").trim();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("EventOS cannot start: EVENTOS_SMTP_PORT='" + portText
                    + "' is not a port number (1-65535).");
        }
        String tlsText = config.getOptionalValue("eventos.smtp.tls", String.class).orElse("starttls").trim();
        Tls tls = switch (tlsText.toLowerCase(Locale.ROOT)) {
            case "starttls" -> Tls.STARTTLS;
            case "tls" -> Tls.TLS;
            case "none" -> Tls.NONE;
            default -> throw new IllegalArgumentException("EventOS cannot start: EVENTOS_SMTP_TLS='" + tlsText
                    + "' must be starttls, tls or none.");
        };
        return Optional.of(new MailSettings(host.get(), port,
                config.getOptionalValue("eventos.smtp.user", String.class).filter(u -> !u.isBlank()).orElse(null),
                config.getOptionalValue("eventos.smtp.password", String.class).orElse(""),
                tls,
                config.getOptionalValue("eventos.mail.from", String.class).filter(f -> !f.isBlank())
                        .orElse(DEFAULT_FROM)));
    }

    /** Host and port, for messages and logs (never the password). */
    public String server() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "MailSettings[" + server() + ", tls=" + tls + ", user=" + user + ", from=" + from + "]";
    }
}
