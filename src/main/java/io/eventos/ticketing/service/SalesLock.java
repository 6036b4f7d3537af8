package io.eventos.ticketing.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one lock every change to an event's sold, pending or held tickets takes first: the event's row, FOR NO KEY
 * UPDATE, with a short lock timeout. Availability is checked only after it is held, so two buyers can never both see the
 * last seat (ARCHITECTURE.md, "Concurrency where money and doors are involved"). One lock per event keeps the order
 * of locks trivially fixed, and covers ticket quantities, capacity groups, the event's capacity and promo-code
 * limits at once.
 * <p>FOR NO KEY UPDATE, not FOR UPDATE: sales exclude each other just the same, but the row stays open to the
 * FOR KEY SHARE lock PostgreSQL takes when a transaction commits a row whose foreign key names the event (a payment's
 * analytics fact, a contact's activity, an organizer's new session), so those commits never queue behind a sale.
 */
public final class SalesLock {

    /** How long a buyer waits for the lock before being told to try again. */
    static final String LOCK_TIMEOUT = "3s";

    /**
     * Test-only control: when false, the lock is skipped so a test can show that its parallel buyers really race
     * (and so that the test would catch a missing lock). Nothing outside this JVM's code can change it.
     */
    private static volatile boolean enabled = true;

    private SalesLock() {
    }

    /** Locks the event's sales until the transaction ends, or throws "busy, try again" after the timeout. */
    static void lockEvent(EntityManager em, UUID eventId) {
        if (!enabled) {
            return;
        }
        // one round trip: the condition sets the transaction's lock timeout as the row is read, before the row
        // lock is asked for (set_config is volatile, so it is evaluated for the row, never folded away)
        busyOnTimeout(() -> em.createNativeQuery("""
                        select id from events
                        where id = ?1 and set_config('lock_timeout', ?2, true) is not null
                        for no key update""")
                .setParameter(1, eventId).setParameter(2, LOCK_TIMEOUT).getResultList());
    }

    /**
     * Locks the event's sales as {@link #lockEvent} does and counts what is taken under the lock, in one statement
     * ({@code event_stock}, V15: it takes a new snapshot after the lock, so the count sees every sale committed before
     * the lock was granted). {@code exceptHold}: as {@link Inventory#of(EntityManager, UUID, Instant, UUID)}.
     */
    static Stock lockAndCount(EntityManager em, UUID eventId, Instant now, UUID exceptHold) {
        return busyOnTimeout(() -> Inventory.of(em, eventId, now, exceptHold, enabled ? LOCK_TIMEOUT : null));
    }

    /** Runs a statement that waits for the sales lock; a lock timeout becomes "busy, try again". */
    private static <T> T busyOnTimeout(Supplier<T> waitingForTheLock) {
        try {
            return waitingForTheLock.get();
        } catch (PersistenceException e) {
            if (isLockTimeout(e)) {
                throw SaleRefusedException.busy();
            }
            throw e;
        }
    }

    static boolean isLockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** For the control variant of the concurrency tests only. */
    public static void enableForTests(boolean lockEnabled) {
        enabled = lockEnabled;
    }
}
