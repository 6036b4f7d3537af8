package io.eventos.platform.mail;

import java.util.List;
import java.util.Objects;

/**
 * One email: a plain-text body always (readable everywhere), an HTML body optionally, attachments optionally, and
 * optionally its own Message-ID (the outbox gives each email one, so a second delivery is recognisably the same).
 */
public record MailMessage(String to, String subject, String text, String html, List<Attachment> attachments,
                          String messageId) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public MailMessage(String to, String subject, String text, String html, List<Attachment> attachments) {
        this(to, subject, text, html, attachments, null);
    }

    public static MailMessage text(String to, String subject, String text) {
        return new MailMessage(to, subject, text, null, List.of());
    }

    /** A file sent with the message. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
