package io.eventos.platform.mail;

import java.util.List;
import java.util.Objects;

/**
 * One email: a plain-text body always (readable everywhere), an HTML body optionally, attachments optionally,
 * optionally its own Message-ID (the outbox gives each email one, so a second delivery is recognisably the same), and
 * optionally a one-click unsubscribe address ({@code listUnsubscribe}: sent as {@code List-Unsubscribe} with
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}, RFC 8058).
 */
public record MailMessage(String to, String subject, String text, String html, List<Attachment> attachments,
                          String messageId, String listUnsubscribe) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (listUnsubscribe != null && !listUnsubscribe.startsWith("https://") && !listUnsubscribe.startsWith("http://")) {
            throw new IllegalArgumentException("A one-click unsubscribe address is an http(s) address");
        }
    }

    public MailMessage(String to, String subject, String text, String html, List<Attachment> attachments,
                       String messageId) {
        this(to, subject, text, html, attachments, messageId, null);
    }

    public MailMessage(String to, String subject, String text, String html, List<Attachment> attachments) {
        this(to, subject, text, html, attachments, null, null);
    }

    public static MailMessage text(String to, String subject, String text) {
        return new MailMessage(to, subject, text, null, List.of());
    }

    /** This message with its one-click unsubscribe address. */
    public MailMessage withListUnsubscribe(String address) {
        return new MailMessage(to, subject, text, html, attachments, messageId, address);
    }

    /** A file sent with the message. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
