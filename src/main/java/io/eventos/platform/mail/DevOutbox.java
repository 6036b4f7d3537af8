package io.eventos.platform.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The development outbox: when no SMTP server is configured, "sent" mail is kept in memory (the last
 * {@value #CAPACITY} messages, newest first) and read in the browser at {@code /dev/mail}, so the links in
 * verification, invitation and password-reset emails work on a laptop. Lost when the server stops.
 */
public final class DevOutbox implements Mailer {

    public static final int CAPACITY = 200;
    private static final Logger LOG = Logger.getLogger(DevOutbox.class.getName());

    private final Deque<Mail> mails = new ArrayDeque<>();
    private final Clock clock;
    private final int capacity;
    private long lastId;

    public DevOutbox() {
        this(Clock.systemUTC(), CAPACITY);
    }

    DevOutbox(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    /** One message in the outbox; ids grow with every message and are never reused while the server runs. */
    public record Mail(long id, Instant sentAt, MailMessage message) {
    }

    @Override
    public void send(MailMessage message) {
        Objects.requireNonNull(message, "message");
        if (message.to().isBlank()) {
            throw new MailDeliveryException("The email could not be sent: it has no recipient.", null);
        }
        long id;
        synchronized (this) {
            id = ++lastId;
            mails.addFirst(new Mail(id, clock.instant(), message));
            while (mails.size() > capacity) {
                mails.removeLast();
            }
        }
        LOG.info(() -> "Mail to " + message.to() + " (\"" + message.subject()
                + "\") is in the development outbox: /dev/mail?id=" + id);
    }

    /** Newest first. */
    public synchronized List<Mail> list() {
        return List.copyOf(mails);
    }

    public synchronized Optional<Mail> find(long id) {
        return mails.stream().filter(mail -> mail.id() == id).findFirst();
    }
}
