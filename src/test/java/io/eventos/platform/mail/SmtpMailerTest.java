package io.eventos.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SMTP delivery against a real (in-process) SMTP server. */
class SmtpMailerTest {

    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private SmtpMailer mailer() {
        return new SmtpMailer(new MailSettings("127.0.0.1", port, null, "", MailSettings.Tls.NONE,
                "EventOS Tests <no-reply@eventos.test>"));
    }

    @Test
    void aOneClickUnsubscribeAddressTravelsAsTheRfc8058Headers() throws Exception {
        mailer().send(new MailMessage("ada@example.com", "Your week", "Figures", "<p>Figures</p>", null, null,
                "https://events.example.com/email/unsubscribe?t=abc_-1"));
        mailer().send(MailMessage.text("bob@example.com", "Hello", "No list"));

        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage weekly = smtp.getReceivedMessages()[0];
        assertThat(weekly.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://events.example.com/email/unsubscribe?t=abc_-1>");
        assertThat(weekly.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(smtp.getReceivedMessages()[1].getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void plainTextMail() throws Exception {
        mailer().send(MailMessage.text("ada@example.com", "Hello\r\nBcc: evil@example.com", "Grüße aus EventOS"));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
        assertThat(received.getFrom()[0].toString()).isEqualTo("EventOS Tests <no-reply@eventos.test>");
        assertThat(received.getSubject()).isEqualTo("Hello Bcc: evil@example.com");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.isMimeType("text/plain")).isTrue();
        assertThat(received.getContent()).isEqualTo("Grüße aus EventOS");
    }

    @Test
    void textAndHtmlAreAlternativesAndAttachmentsComeAlong() throws Exception {
        byte[] pdf = "%PDF-1.4 ticket".getBytes(StandardCharsets.US_ASCII);
        mailer().send(new MailMessage("ada@example.com", "Your ticket", "Open https://example.com/t/1",
                "<p>Open <a href=\"https://example.com/t/1\">your ticket</a></p>",
                List.of(new MailMessage.Attachment("Tickét 1.pdf", "application/pdf", pdf))));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);

        Part body = mixed.getBodyPart(0);
        assertThat(body.isMimeType("multipart/alternative")).isTrue();
        Multipart alternative = (Multipart) body.getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Open https://example.com/t/1");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<a href=\"https://example.com/t/1\">");

        Part attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.isMimeType("application/pdf")).isTrue();
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(attachment.getFileName())).isEqualTo("Tickét 1.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void htmlWithoutAttachmentsIsMultipartAlternative() throws Exception {
        mailer().send(new MailMessage("ada@example.com", "Hi", "text", "<p>html</p>", List.of()));
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].isMimeType("multipart/alternative")).isTrue();
    }

    @Test
    void anUnreachableServerIsOneSentence() throws IOException {
        int closed = freePort();
        SmtpMailer mailer = new SmtpMailer(new MailSettings("127.0.0.1", closed, null, "", MailSettings.Tls.NONE,
                MailSettings.DEFAULT_FROM));
        assertThatThrownBy(() -> mailer.send(MailMessage.text("ada@example.com", "Hi", "text")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageStartingWith("The email to ada@example.com could not be sent through the mail server 127.0.0.1:"
                        + closed + " (EVENTOS_SMTP_*): ")
                .hasMessageEndingWith(".");
    }

    @Test
    void aBadRecipientIsOneSentence() {
        assertThatThrownBy(() -> mailer().send(MailMessage.text("not an address", "Hi", "text")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessage("The email could not be sent: 'not an address' is not an email address.");
    }

    @Test
    void aBadSenderStopsTheStart() {
        assertThatThrownBy(() -> new SmtpMailer(new MailSettings("127.0.0.1", port, null, "", MailSettings.Tls.NONE,
                "no address here")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EventOS cannot start: EVENTOS_MAIL_FROM='no address here'");
    }

    @Test
    void timeoutsAndTlsFollowTheSettings() {
        var starttls = SmtpMailer.properties(new MailSettings("mail.example.com", 587, "user", "secret",
                MailSettings.Tls.STARTTLS, MailSettings.DEFAULT_FROM));
        assertThat(starttls).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
        var tls = SmtpMailer.properties(new MailSettings("mail.example.com", 465, null, "", MailSettings.Tls.TLS,
                MailSettings.DEFAULT_FROM));
        assertThat(tls).containsEntry("mail.smtp.ssl.enable", "true").containsEntry("mail.smtp.auth", "false")
                .doesNotContainKey("mail.smtp.starttls.enable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
