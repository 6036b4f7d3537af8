package io.eventos.platform.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.UUID;

/**
 * Transaction-local settings that row level security policies read ({@code app.account_id}, {@code app.user_id}).
 * Always {@code set_config(..., true)}: the value ends with the transaction, so a pooled connection never carries
 * it into the next one. Change them only through this class: {@link #bind} remembers, for the container
 * transaction, what it bound, and a service called inside a transaction that already has the same binding does not
 * send it again; {@link #set} and {@link #clear} make it forget.
 */
public final class TransactionSettings {

    public static final String ACCOUNT = "app.account_id";
    public static final String USER = "app.user_id";

    /** The registry's key for what {@link #bind} last sent in the current transaction. */
    private static final Object BOUND = new Object() {
        @Override
        public String toString() {
            return "eventos.tenantBinding";
        }
    };

    private static volatile TransactionSynchronizationRegistry registry;
    /** Set when the registry could not be looked up (outside a container): then nothing is remembered. */
    private static volatile boolean noRegistry;

    /** What one {@link #bind} call sent: the account and the user (null when none was given). */
    private record Binding(UUID account, UUID user) {
    }

    /** Remembered after {@link #set} or {@link #clear}: equal to no binding. */
    private static final Binding CHANGED = new Binding(null, null);

    private TransactionSettings() {
    }

    public static void set(EntityManager em, String name, UUID value) {
        forget();
        setNow(em, name, value);
    }

    private static void setNow(EntityManager em, String name, UUID value) {
        em.createNativeQuery("select set_config(?1, ?2, true)")
                .setParameter(1, name)
                .setParameter(2, value.toString())
                .getSingleResult();
    }

    /**
     * Binds the account and, when given, the user in one statement (the first of every tenant-bound service call's
     * transaction: two round trips became one).
     * <p>With a user (a signed-in team member's request: the organizer's lists, searches and filters) the same statement
     * makes PostgreSQL plan the rest of the transaction's statements with their values ({@code plan_cache_mode =
     * force_custom_plan}). Otherwise, after five runs of a statement on a connection, it may keep a plan made without
     * them, sized for an average event: the orders list of one ticket type at an event with 200,000 orders then hashed
     * all of them, 357 ms and 200,000 buffers instead of 2 ms (issue 18, docs/benchmarks.md "Plans made without the
     * values"; {@code LargeListsIT}). Planning each time costs a fraction of a millisecond a statement, so the hot
     * anonymous paths (public pages, checkout, bound without a user) keep PostgreSQL's usual choice, and so do the
     * PL/pgSQL functions (V42).
     * <p>The same statement keeps those statements on one process ({@code max_parallel_workers_per_gather = 0}): a
     * list's statement of 10–20 ms planned with two parallel workers took three processes' CPU for it (the contacts'
     * "bought, did not attend" count: 12.9 ms on three, 4.0 ms on one), and under many members at once the cores are
     * already busy with other requests (docs/benchmarks.md, "Contacts at scale", run 7).
     */
    public static void bind(EntityManager em, UUID accountId, UUID userId) {
        TransactionSynchronizationRegistry transaction = inTransaction();
        Binding binding = new Binding(accountId, userId);
        if (transaction != null && binding.equals(transaction.getResource(BOUND))) {
            // a service called by another in the same transaction, for the same account and user: bound already
            return;
        }
        bindNow(em, accountId, userId);
        if (transaction != null) {
            transaction.putResource(BOUND, binding);
        }
    }

    private static void bindNow(EntityManager em, UUID accountId, UUID userId) {
        if (userId == null) {
            setNow(em, ACCOUNT, accountId);
            return;
        }
        em.createNativeQuery("select set_config(?1, ?2, true), set_config(?3, ?4, true),"
                        + " set_config('plan_cache_mode', 'force_custom_plan', true),"
                        + " set_config('max_parallel_workers_per_gather', '0', true)")
                .setParameter(1, ACCOUNT)
                .setParameter(2, accountId.toString())
                .setParameter(3, USER)
                .setParameter(4, userId.toString())
                .getSingleResult();
    }

    /** Unsets {@code name} for the rest of the transaction (row level security then sees no account or user). */
    public static void clear(EntityManager em, String name) {
        forget();
        em.createNativeQuery("select set_config(?1, '', true)")
                .setParameter(1, name)
                .getSingleResult();
    }

    /** The settings are about to change outside {@link #bind}: its next call in this transaction sends them again. */
    private static void forget() {
        TransactionSynchronizationRegistry transaction = inTransaction();
        if (transaction != null) {
            transaction.putResource(BOUND, CHANGED);
        }
    }

    /**
     * The registry when a container transaction is active, else null (then every call sends its settings): none,
     * one marked for rollback, or one completing (work done after its commit runs on a connection of its own).
     */
    private static TransactionSynchronizationRegistry inTransaction() {
        TransactionSynchronizationRegistry known = registry;
        if (known == null) {
            if (noRegistry) {
                return null;
            }
            try {
                known = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
            } catch (NamingException | RuntimeException e) {
                noRegistry = true; // outside a container (unit tests): nothing remembered, always sent
                return null;
            }
            registry = known;
        }
        return known.getTransactionStatus() == Status.STATUS_ACTIVE ? known : null;
    }
}
