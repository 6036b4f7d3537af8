package io.eventos.platform.mail;

/**
 * Sends email: over SMTP when EVENTOS_SMTP_HOST is set, otherwise into the development outbox ({@code /dev/mail}),
 * so links in emails are usable on a laptop without a mail server.
 */
public interface Mailer {

    /** Delivers the message or throws {@link MailDeliveryException} with a sentence saying why. */
    void send(MailMessage message);
}
