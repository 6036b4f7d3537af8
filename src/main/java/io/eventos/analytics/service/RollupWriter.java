package io.eventos.analytics.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One refresh of the bound account's rollups (V23's {@code rollup_refresh}) in a transaction of its own: the (event,
 * day) pairs that a sales fact written since the last refresh names, less {@link #OVERLAP} for transactions that
 * were still running then, and the check-ins since. The first refresh of an account, or one after its time zone
 * changed, rebuilds everything. Only one server refreshes an account at a time (a transaction-level advisory lock
 * taken with "try": a second one skips instead of waiting). Reads the sales tables without locks, so a sale never
 * waits for it.
 */
@Stateless
@TenantBound
public class RollupWriter {

    /** Facts written up to this long before the last refresh are looked at again (a sale commits within seconds). */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** What one refresh did: how many (event, day) pairs and events it recomputed and how long it took. */
    public record Refresh(boolean done, boolean full, int recomputed, long millis) {
    }

    /** Refreshes unless another server is refreshing this account right now (then it does nothing). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Refresh refresh() {
        return refresh(false);
    }

    /** Refreshes now, after a refresh of this account that is running elsewhere, if any. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Refresh refreshAfterOthers() {
        return refresh(true);
    }

    private Refresh refresh(boolean wait) {
        UUID account = CurrentTenant.require();
        long started = System.nanoTime();
        Object locked = em.createNativeQuery("select " + (wait ? "pg_advisory_xact_lock" : "pg_try_advisory_xact_lock")
                        + "(hashtext('rollup'), hashtext(?1))::text")
                .setParameter(1, account.toString()).getSingleResult();
        if (!wait && !"true".equals(locked)) {
            return new Refresh(false, false, 0, 0);
        }
        // the time, the account's zone and the last refresh in one statement (its text names the rollup, so a count of
        // a request's statements can leave the rounds of this job out: testing.AppStatements)
        Object[] state = (Object[]) em.createNativeQuery("""
                        select statement_timestamp(), a.default_time_zone, s.time_zone, s.refreshed_at
                        from accounts a left join rollup_state s on s.account_id = a.id
                        where a.id = cast(?1 as uuid)""")
                .setParameter(1, account.toString()).getSingleResult();
        Instant now = ((Timestamp) state[0]).toInstant();
        String zone = (String) state[1];
        Instant since = null;
        if (state[3] != null && zone.equals(state[2])) {
            since = instant(state[3]).minus(OVERLAP);
        }
        Number recomputed = (Number) em.createNativeQuery("select rollup_refresh(?1, ?2)")
                .setParameter(1, since == null ? null : Timestamp.from(since))
                .setParameter(2, zone).getSingleResult();
        long millis = (System.nanoTime() - started) / 1_000_000;
        em.createNativeQuery("""
                        insert into rollup_state (account_id, time_zone, refreshed_at, took_ms)
                        values (cast(?1 as uuid), ?2, ?3, ?4)
                        on conflict (account_id) do update
                        set time_zone = excluded.time_zone, refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms""")
                .setParameter(1, account.toString()).setParameter(2, zone).setParameter(3, Timestamp.from(now))
                .setParameter(4, (int) Math.min(Integer.MAX_VALUE, millis)).executeUpdate();
        return new Refresh(true, since == null, recomputed.intValue(), millis);
    }

    /** When the bound account's figures were last refreshed (null: never). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant refreshedAt() {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select refreshed_at from rollup_state").getResultList();
        return rows.isEmpty() ? null : instant(rows.get(0));
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }
}
