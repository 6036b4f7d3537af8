package io.eventos.platform.mail;

import io.eventos.platform.crypto.SecretBox;
import io.eventos.platform.crypto.SecretBoxException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionalMailTest {

    private final TransactionalMail mail = new TransactionalMail();

    TransactionalMailTest() {
        mail.secretBox = new SecretBox(new byte[32]);
    }

    @Test
    void theStoredPayloadKeepsTheMessageSealedAndGivesItBackWhole() {
        UUID id = UUID.randomUUID();
        MailMessage message = new MailMessage("ada@example.org", "Reset your password",
                "Open https://eventos.example/reset-password.xhtml?token=SECRET", "<p>Ünïcode ✓</p>",
                List.of(new MailMessage.Attachment("a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))));

        String payload = mail.payload(id, message, List.of(new TransactionalMail.Later("tickets-pdf", "order-1")));

        assertThat(payload).doesNotContain("SECRET", "ada@example.org", "Reset");
        TransactionalMail.Unsealed back = mail.open(id, payload);
        assertThat(back.message().to()).isEqualTo("ada@example.org");
        assertThat(back.message().subject()).isEqualTo("Reset your password");
        assertThat(back.message().text()).endsWith("token=SECRET");
        assertThat(back.message().html()).isEqualTo("<p>Ünïcode ✓</p>");
        assertThat(back.message().attachments()).singleElement()
                .satisfies(a -> assertThat(new String(a.content(), StandardCharsets.UTF_8)).isEqualTo("hello"));
        assertThat(back.message().messageId()).isEqualTo("<" + id + "@outbox.eventos>");
        assertThat(back.later()).containsExactly(new TransactionalMail.Later("tickets-pdf", "order-1"));
    }

    @Test
    void aPayloadCopiedToAnotherRowDoesNotOpen() {
        String payload = mail.payload(UUID.randomUUID(), MailMessage.text("a@example.org", "s", "t"), List.of());
        assertThatThrownBy(() -> mail.open(UUID.randomUUID(), payload)).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void aMessageWithoutHtmlStaysWithoutHtml() {
        UUID id = UUID.randomUUID();
        MailMessage back = mail.open(id, mail.payload(id, MailMessage.text("a@example.org", "s", "t"), List.of()))
                .message();
        assertThat(back.html()).isNull();
        assertThat(back.attachments()).isEmpty();
    }
}
