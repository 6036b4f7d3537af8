package io.eventos.platform.web;

import io.eventos.platform.mail.ConfiguredMailer;
import io.eventos.platform.mail.DevOutbox;
import io.eventos.platform.mail.MailMessage;
import io.eventos.platform.text.LinkedText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code /dev/mail} (view {@code /dev/mail.xhtml}): the development outbox, newest first; {@code ?id=} opens one
 * message with its links clickable (http(s) only) and its attachments as downloads. 404 unless the outbox is active
 * and the browser is on this machine ({@link DevMailAccess}).
 */
@Named
@RequestScoped
public class DevMailPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    ConfiguredMailer mailer;

    private String id;
    private List<Row> mails = List.of();
    private Shown shown;
    private boolean missing;

    public record Row(long id, String to, String subject, String sentAt) {
    }

    public record Shown(long id, String to, String subject, String sentAt, List<LinkedText.Piece> text,
                        boolean hasHtml, List<AttachmentRow> attachments) {
    }

    public record AttachmentRow(int index, String fileName, String contentType, String size) {
    }

    /** View action: the list, or the message asked for by {@code ?id=}. */
    public void load() throws IOException {
        Optional<DevOutbox> outbox = DevMailAccess.outbox(mailer, Faces.getRequest());
        if (outbox.isEmpty()) {
            Faces.responseSendError(404, "No development outbox");
            return;
        }
        if (id == null || id.isBlank()) {
            mails = outbox.get().list().stream()
                    .map(mail -> new Row(mail.id(), mail.message().to(), mail.message().subject(), time(mail.sentAt())))
                    .toList();
            return;
        }
        Optional<DevOutbox.Mail> mail = id.matches("\\d{1,18}") ? outbox.get().find(Long.parseLong(id))
                : Optional.empty();
        if (mail.isEmpty()) {
            missing = true;
            return;
        }
        MailMessage message = mail.get().message();
        List<MailMessage.Attachment> attachments = message.attachments();
        shown = new Shown(mail.get().id(), message.to(), message.subject(), time(mail.get().sentAt()),
                LinkedText.of(message.text()), message.html() != null,
                java.util.stream.IntStream.range(0, attachments.size())
                        .mapToObj(i -> new AttachmentRow(i, attachments.get(i).fileName(),
                                attachments.get(i).contentType(), size(attachments.get(i).content().length)))
                        .toList());
    }

    private static String time(Instant instant) {
        return TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static String size(int bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 512) / 1024 + " KB";
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public List<Row> getMails() {
        return mails;
    }

    public Shown getShown() {
        return shown;
    }

    public boolean isMissing() {
        return missing;
    }
}
