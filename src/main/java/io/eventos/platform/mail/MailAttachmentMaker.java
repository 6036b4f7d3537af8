package io.eventos.platform.mail;

/**
 * Makes an attachment when its email is delivered rather than when it is written: for files that take time to
 * render (ticket PDFs), so no request or lock waits for them. A CDI bean of the context that owns the data, found by
 * {@link #kind()}; {@code reference} carries what the file is made from (sealed with the email), so making it needs
 * no database. Throwing means the email is tried again later.
 */
public interface MailAttachmentMaker {

    String kind();

    MailMessage.Attachment make(String reference);
}
