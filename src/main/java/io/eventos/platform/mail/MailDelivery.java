package io.eventos.platform.mail;

import io.eventos.platform.outbox.OutboxConsumer;
import io.eventos.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers the outbox's emails ({@link TransactionalMail}): opens the sealed message, makes the attachments named
 * for delivery and hands it to the {@link Mailer}. A mail server that fails makes the outbox try again later.
 */
@ApplicationScoped
public class MailDelivery implements OutboxConsumer {

    @Inject
    TransactionalMail mail;
    @Inject
    Mailer mailer;
    @Inject
    @Any
    Instance<MailAttachmentMaker> makers;

    @Override
    public String name() {
        return TransactionalMail.CONSUMER;
    }

    @Override
    public void deliver(OutboxMessage row) {
        TransactionalMail.Unsealed unsealed = mail.open(row.id(), row.payload());
        MailMessage message = unsealed.message();
        if (!unsealed.later().isEmpty()) {
            List<MailMessage.Attachment> files = new ArrayList<>(message.attachments());
            for (TransactionalMail.Later later : unsealed.later()) {
                files.add(maker(later.kind()).make(later.reference()));
            }
            message = new MailMessage(message.to(), message.subject(), message.text(), message.html(), files,
                    message.messageId(), message.listUnsubscribe());
        }
        mailer.send(message);
    }

    private MailAttachmentMaker maker(String kind) {
        for (MailAttachmentMaker maker : makers) {
            if (maker.kind().equals(kind)) {
                return maker;
            }
        }
        throw new IllegalStateException("No attachment maker for '" + kind + "'");
    }
}
