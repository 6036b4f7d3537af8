package io.eventos.platform.mail;

import io.eventos.platform.crypto.SecretBox;
import io.eventos.platform.outbox.Outbox;
import io.eventos.platform.persistence.OneStatement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Sends an email as part of the caller's transaction: the message is written to the outbox (consumer
 * {@value #CONSUMER}) in that transaction and delivered after the commit by {@link MailDelivery}. So nothing is
 * mailed for work that was rolled back, a crash right after the commit loses nothing (the next start delivers it),
 * a slow or failing mail server never holds a transaction or the visitor's request (failures are retried), and the
 * response time does not depend on whether a mail was sent (a reset request must not reveal whether an address is
 * registered).
 * <p>The message is stored sealed with the application's key ({@link SecretBox}, bound to the row): emails carry
 * secret links (password resets, private order pages). Attachments that take time to render are named as
 * {@link Later}, with what they are made from, and made on delivery ({@link MailAttachmentMaker}) without the
 * database, so a delivery needs no connection of its own.
 */
@ApplicationScoped
public class TransactionalMail {

    public static final String CONSUMER = "mail";

    @Inject
    Outbox outbox;
    @Inject
    SecretBox secretBox;

    /** An attachment made on delivery by the {@link MailAttachmentMaker} of {@code kind}, from {@code reference}. */
    public record Later(String kind, String reference) {
    }

    /** Writes the email to the outbox now; {@code topic} names the business action it tells of. */
    public void send(String topic, MailMessage message) {
        send(topic, null, message);
    }

    /** As {@link #send(String, MailMessage)}, linked to the action's audit entry. */
    public void send(String topic, UUID auditId, MailMessage message) {
        UUID id = Outbox.newId();
        outbox.add(id, CONSUMER, topic, auditId, payload(id, message, List.of()));
    }

    /**
     * The email as a part of one statement with the action's other writes ({@link OneStatement}), with its audit
     * entry and attachments made on delivery.
     */
    public OneStatement.Part insert(String topic, UUID auditId, MailMessage message, List<Later> later) {
        UUID id = Outbox.newId();
        return outbox.insert(id, CONSUMER, topic, auditId, payload(id, message, later));
    }

    /**
     * The row's payload: the message and the attachments to make on delivery, sealed together (an attachment's
     * reference may carry secrets, e.g. the ticket codes of a PDF).
     */
    String payload(UUID id, MailMessage message, List<Later> later) {
        JsonObjectBuilder mail = Json.createObjectBuilder()
                .add("to", message.to())
                .add("subject", message.subject())
                .add("text", message.text());
        if (message.html() != null) {
            mail.add("html", message.html());
        }
        if (message.listUnsubscribe() != null) {
            mail.add("unsubscribe", message.listUnsubscribe());
        }
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (MailMessage.Attachment file : message.attachments()) {
            files.add(Json.createObjectBuilder().add("name", file.fileName())
                    .add("type", file.contentType() == null ? "application/octet-stream" : file.contentType())
                    .add("content", Base64.getEncoder().encodeToString(file.content())));
        }
        mail.add("files", files);
        JsonArrayBuilder makeLater = Json.createArrayBuilder();
        later.forEach(l -> makeLater.add(Json.createObjectBuilder().add("kind", l.kind()).add("ref", l.reference())));
        mail.add("later", makeLater);
        byte[] sealed = secretBox.sealText(mail.build().toString(), context(id));
        return Json.createObjectBuilder()
                .add("sealed", Base64.getEncoder().encodeToString(sealed))
                .build().toString();
    }

    /** The message of a row's payload (its Message-ID made from the row's id) and the attachments still to make. */
    Unsealed open(UUID id, String payload) {
        JsonObject row = Json.createReader(new StringReader(payload)).readObject();
        String json = secretBox.openText(Base64.getDecoder().decode(row.getString("sealed")), context(id));
        JsonObject mail = Json.createReader(new StringReader(json)).readObject();
        List<MailMessage.Attachment> files = new ArrayList<>();
        for (JsonValue value : mail.getJsonArray("files")) {
            JsonObject file = value.asJsonObject();
            files.add(new MailMessage.Attachment(file.getString("name"), file.getString("type"),
                    Base64.getDecoder().decode(file.getString("content"))));
        }
        List<Later> later = new ArrayList<>();
        for (JsonValue value : mail.getJsonArray("later")) {
            later.add(new Later(value.asJsonObject().getString("kind"), value.asJsonObject().getString("ref")));
        }
        JsonValue html = mail.get("html");
        MailMessage message = new MailMessage(mail.getString("to"), mail.getString("subject"), mail.getString("text"),
                html instanceof JsonString text ? text.getString() : null, files, messageId(id),
                mail.get("unsubscribe") instanceof JsonString unsubscribe ? unsubscribe.getString() : null);
        return new Unsealed(message, later);
    }

    record Unsealed(MailMessage message, List<Later> later) {
    }

    /** One Message-ID per outbox row: a second delivery after a crash is recognisably the same email. */
    static String messageId(UUID id) {
        return "<" + id + "@outbox.eventos>";
    }

    private static String context(UUID id) {
        return "outbox:" + id;
    }
}
