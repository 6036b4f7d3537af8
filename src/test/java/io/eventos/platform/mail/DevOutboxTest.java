package io.eventos.platform.mail;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevOutboxTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void keepsMessagesNewestFirstWithTheirTimeAndAttachments() {
        DevOutbox outbox = new DevOutbox(clock, DevOutbox.CAPACITY);
        outbox.send(MailMessage.text("a@example.com", "First", "one"));
        byte[] pdf = {37, 80, 68, 70};
        outbox.send(new MailMessage("b@example.com", "Second", "two", "<p>two</p>",
                List.of(new MailMessage.Attachment("ticket.pdf", "application/pdf", pdf))));

        List<DevOutbox.Mail> mails = outbox.list();
        assertThat(mails).extracting(mail -> mail.message().subject()).containsExactly("Second", "First");
        assertThat(mails.get(0).sentAt()).isEqualTo(clock.instant());
        assertThat(mails.get(0).message().attachments().get(0).content()).isEqualTo(pdf);
        assertThat(outbox.find(mails.get(1).id())).get().extracting(mail -> mail.message().to())
                .isEqualTo("a@example.com");
        assertThat(outbox.find(999)).isEmpty();
    }

    @Test
    void keepsOnlyTheLast200() {
        DevOutbox outbox = new DevOutbox(clock, DevOutbox.CAPACITY);
        for (int i = 1; i <= 205; i++) {
            outbox.send(MailMessage.text("x@example.com", "Mail " + i, "body"));
        }
        List<DevOutbox.Mail> mails = outbox.list();
        assertThat(mails).hasSize(200);
        assertThat(mails.get(0).message().subject()).isEqualTo("Mail 205");
        assertThat(mails.get(199).message().subject()).isEqualTo("Mail 6");
        // ids keep growing: an old link never opens a newer message
        assertThat(mails.get(0).id()).isEqualTo(205);
        assertThat(outbox.find(5)).isEmpty();
    }

    @Test
    void theListIsASnapshot() {
        DevOutbox outbox = new DevOutbox(clock, 3);
        outbox.send(MailMessage.text("x@example.com", "One", "body"));
        List<DevOutbox.Mail> before = outbox.list();
        outbox.send(MailMessage.text("x@example.com", "Two", "body"));
        assertThat(before).hasSize(1);
        assertThatThrownBy(() -> before.add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void manyThreadsCanSendAtOnce() throws InterruptedException {
        DevOutbox outbox = new DevOutbox(clock, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            int n = i;
            pool.execute(() -> outbox.send(MailMessage.text("x@example.com", "Mail " + n, "body")));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(outbox.list()).hasSize(400);
        assertThat(outbox.list()).extracting(DevOutbox.Mail::id).doesNotHaveDuplicates();
    }

    @Test
    void aMessageWithoutRecipientIsRefused() {
        DevOutbox outbox = new DevOutbox(clock, DevOutbox.CAPACITY);
        assertThatThrownBy(() -> outbox.send(MailMessage.text(" ", "Subject", "body")))
                .isInstanceOf(MailDeliveryException.class).hasMessage("The email could not be sent: it has no recipient.");
    }
}
