package io.eventos.platform.mail;

/** The message could not be handed to the mail server. */
public class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
