package io.eventos.platform.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends an email once the current transaction has committed, on a container thread: nothing is mailed for work
 * that was rolled back, a slow or failing mail server never holds a database transaction or the visitor's request,
 * and the response time does not depend on whether a mail was sent (a reset request must not reveal whether an
 * address is registered). Failures are logged by the {@link Mailer}; the caller does not learn of them. Use the
 * {@link Mailer} directly where the caller must know that the message went out.
 */
@ApplicationScoped
public class MailAfterCommit {

    private static final Logger LOG = Logger.getLogger(MailAfterCommit.class.getName());

    @Inject
    Mailer mailer;
    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    public void send(MailMessage message) {
        send(() -> message);
    }

    /**
     * As {@link #send(MailMessage)}, but the message is composed after the commit, on the mail thread: for mails
     * whose attachments take time to render (ticket PDFs), so no lock or transaction waits for them. The supplier
     * must not use the persistence context.
     */
    public void send(java.util.function.Supplier<MailMessage> message) {
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

    private void deliver(java.util.function.Supplier<MailMessage> composer) {
        executor.execute(() -> {
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
        });
    }
}
