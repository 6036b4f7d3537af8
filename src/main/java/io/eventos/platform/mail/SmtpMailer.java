package io.eventos.platform.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jakarta Mail over SMTP (the implementation is Payara's). One session for the application; connect, read and write
 * time out after 10 s, so a dead mail server cannot hold a request for long. Messages are multipart/alternative
 * (text and HTML) when they have HTML, inside multipart/mixed when they have attachments.
 */
public final class SmtpMailer implements Mailer {

    private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());
    static final int TIMEOUT_MILLIS = 10_000;

    private final MailSettings settings;
    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(MailSettings settings) {
        this.settings = settings;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("EventOS cannot start: EVENTOS_MAIL_FROM='" + settings.from()
                    + "' is not an email address (e.g. EventOS <no-reply@example.com>).", e);
        }
        this.session = Session.getInstance(properties(settings), settings.user() == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(), settings.password());
            }
        });
    }

    static Properties properties(MailSettings settings) {
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", settings.host());
        props.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        props.setProperty("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        props.setProperty("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        props.setProperty("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        props.setProperty("mail.smtp.auth", String.valueOf(settings.user() != null));
        switch (settings.tls()) {
            case STARTTLS -> {
                props.setProperty("mail.smtp.starttls.enable", "true");
                props.setProperty("mail.smtp.starttls.required", "true");
                props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                props.setProperty("mail.smtp.ssl.enable", "true");
                props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // plain SMTP
            }
        }
        // file names of attachments in RFC 2231 form when they are not ASCII
        props.setProperty("mail.mime.encodefilename", "true");
        return props;
    }

    @Override
    public void send(MailMessage message) {
        MimeMessage mime;
        try {
            mime = toMime(message);
        } catch (AddressException e) {
            throw failure("The email could not be sent: '" + message.to() + "' is not an email address.", e);
        } catch (MessagingException e) {
            throw failure("The email to " + message.to() + " could not be prepared: " + e.getMessage() + ".", e);
        }
        try {
            Transport.send(mime);
        } catch (MessagingException e) {
            throw failure("The email to " + message.to() + " could not be sent through the mail server "
                    + settings.server() + " (EVENTOS_SMTP_*): " + rootMessage(e) + ".", e);
        }
    }

    MimeMessage toMime(MailMessage message) throws MessagingException {
        MimeMessage mime = message.messageId() == null ? new MimeMessage(session) : new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", message.messageId());
            }
        };
        mime.setFrom(from);
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
        mime.setSubject(message.subject().replaceAll("[\\r\\n]+", " "), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        if (message.listUnsubscribe() != null) {
            // RFC 8058: a mail program may offer "unsubscribe" and POST "List-Unsubscribe=One-Click" to the address
            mime.setHeader("List-Unsubscribe", "<" + message.listUnsubscribe().replaceAll("[\\r\\n<>]", "") + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeMultipart alternative = null;
        if (message.html() != null) {
            alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }

        if (message.attachments().isEmpty()) {
            if (alternative == null) {
                mime.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
            } else {
                mime.setContent(alternative);
            }
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            if (alternative == null) {
                mixed.addBodyPart(text);
            } else {
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
            }
            for (MailMessage.Attachment attachment : message.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                String type = attachment.contentType() == null || attachment.contentType().isBlank()
                        ? "application/octet-stream" : attachment.contentType();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), type)));
                part.setFileName(attachment.fileName());
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    private static MailDeliveryException failure(String sentence, Exception cause) {
        LOG.log(Level.WARNING, sentence, cause);
        return new MailDeliveryException(sentence, cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.strip().replaceAll("\\s+", " ").replaceAll("[.]$", "");
    }
}
