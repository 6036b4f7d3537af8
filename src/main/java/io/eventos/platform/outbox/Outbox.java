package io.eventos.platform.outbox;

import io.eventos.platform.persistence.OneStatement;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.UUID;

/**
 * Writes outbox rows: what a business action leaves for delivery after its commit (docs/architecture.md, "The
 * outbox"). A row is written in the caller's transaction, so it exists exactly when the action does and survives a
 * crash right after the commit; {@link OutboxDispatcher}'s workers deliver it, woken when the transaction commits.
 * The row belongs to the account the transaction is bound to (the one row level security checks it against), or to
 * no account for actions of a user outside any account (a password reset).
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_ON_COMMIT = new Object();

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxDispatcher dispatcher;

    /** A new row id: callers that seal their payload bind it to the row's id. */
    public static UUID newId() {
        return UUID.randomUUID();
    }

    /**
     * The row as a part of one statement with the action's other writes ({@link OneStatement}); {@code auditId} is
     * the action's audit entry, or null.
     */
    public OneStatement.Part insert(UUID id, String consumer, String topic, UUID auditId, String payloadJson) {
        wakeWorkersAfterCommit();
        return new OneStatement.Part("""
                insert into outbox (id, account_id, audit_id, consumer, topic, payload)
                values (cast(? as uuid), nullif(current_setting('app.account_id', true), '')::uuid,
                        cast(? as uuid), ?, ?, cast(? as jsonb))""",
                id.toString(), auditId == null ? null : auditId.toString(), consumer, topic, payloadJson);
    }

    /** Writes the row now, in the caller's transaction. */
    public void add(UUID id, String consumer, String topic, UUID auditId, String payloadJson) {
        new OneStatement().query(em, insert(id, consumer, topic, auditId, payloadJson)).executeUpdate();
    }

    /** Once per transaction: the workers look for new rows as soon as it has committed (not before: they'd miss it). */
    private void wakeWorkersAfterCommit() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            dispatcher.wake();
            return;
        }
        if (transactions.getResource(WAKE_ON_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_ON_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
    }
}
