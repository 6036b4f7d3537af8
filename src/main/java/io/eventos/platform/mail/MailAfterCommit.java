package io.eventos.platform.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends an email once the current transaction has committed, on a container thread: nothing is mailed for work
 * that was rolled back, a slow or failing mail server never holds a database transaction or the visitor's request,
 * and the response time does not depend on whether a mail was sent (a reset request must not reveal whether an
 * address is registered). Failures are logged by the {@link Mailer}; the caller does not learn of them. Use the
 * {@link Mailer} directly where the caller must know that the message went out.
 * <p>Messages wait in a queue that {@value #WORKERS} mail threads take from, in the order of the commits. The
 * threads are made once (container-managed, so they run with the application's context) rather than a task being
 * handed to an executor per message: capturing the context for every task cost more CPU than composing the mail
 * (measured in the checkout rush, docs/benchmarks.md). Queued messages live in memory, as before: a server stopped
 * with messages still queued does not send them.
 */
@ApplicationScoped
public class MailAfterCommit {

    private static final Logger LOG = Logger.getLogger(MailAfterCommit.class.getName());

    @Inject
    Mailer mailer;
    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /** Mail threads: enough that a slow SMTP server (waiting, not computing) does not hold the queue up. */
    static final int WORKERS = 3;

    private final BlockingQueue<Supplier<MailMessage>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean started;

    public void send(MailMessage message) {
        send(() -> message);
    }

    /**
     * As {@link #send(MailMessage)}, but the message is composed after the commit, on the mail thread: for mails
     * whose attachments take time to render (ticket PDFs), so no lock or transaction waits for them. The supplier
     * must not use the persistence context.
     */
    public void send(Supplier<MailMessage> message) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        deliver(message);
                    }
                }
            });
        } else {
            deliver(message);
        }
    }

    private void deliver(Supplier<MailMessage> composer) {
        if (!started) {
            start();
        }
        queue.add(composer);
    }

    private synchronized void start() {
        if (started) {
            return;
        }
        for (int i = 0; i < WORKERS; i++) {
            Thread worker = threads.newThread(this::work);
            worker.setName("eventos-mail-" + (i + 1));
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        started = true;
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            Supplier<MailMessage> composer;
            try {
                composer = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            MailMessage message = null;
            try {
                message = composer.get();
                mailer.send(message);
            } catch (MailDeliveryException alreadyLogged) {
                // the mailer logged the sentence and the cause
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The email to " + (message == null ? "(not composed)" : message.to())
                        + " could not be sent.", e);
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        workers.forEach(Thread::interrupt);
        if (!queue.isEmpty()) {
            LOG.warning(() -> queue.size() + " emails were still waiting to be sent when the application stopped.");
        }
    }
}
