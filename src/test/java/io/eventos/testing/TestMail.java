package io.eventos.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server the test server sends its mail to (GreenMail, started by {@link TestServer}): what it received,
 * and waiting for a new message with a deadline.
 */
public final class TestMail {

    private final GreenMail greenMail;

    TestMail(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Reads what another SMTP server (of a test's own application server) received. */
    public static TestMail of(GreenMail greenMail) {
        return new TestMail(greenMail);
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** Every message received for this address, oldest first. */
    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .toList();
    }

    /**
     * Waits until more than {@code alreadySeen} messages arrived for this address and returns the newest; fails
     * after {@code timeout}. Count with {@link #messagesTo} before the action that sends the mail.
     */
    public MimeMessage awaitMessageTo(String address, int alreadySeen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> messages = messagesTo(address);
            if (messages.size() > alreadySeen) {
                return messages.get(messages.size() - 1);
            }
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new AssertionError("No new email to " + address + " within " + timeout.toSeconds() + " s");
            }
            // wakes up as soon as any message arrives
            greenMail.waitForIncomingEmail(Math.min(left, 1000), greenMail.getReceivedMessages().length + 1);
        }
    }

    /** The plain-text body (the text/plain part of a multipart message). */
    public static String text(MimeMessage message) {
        try {
            String text = findPart(message, "text/plain");
            if (text == null) {
                throw new AssertionError("The email has no text/plain part");
            }
            return text;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the email", e);
        }
    }

    /** The HTML body, or null. */
    public static String html(MimeMessage message) {
        try {
            return findPart(message, "text/html");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the email", e);
        }
    }

    /** The bytes of the first attachment of this content type, or null. */
    public static byte[] attachment(MimeMessage message, String contentType) {
        try {
            return findAttachment(message, contentType);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read the email", e);
        }
    }

    private static byte[] findAttachment(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (java.io.InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = findAttachment(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String findPart(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = findPart(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not read the recipients of an email", e);
        }
    }
}
