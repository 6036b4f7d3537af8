package io.eventos.crm.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;

/**
 * One account's retention sweep in one transaction of its own, done by one server of a cluster at a time: a
 * transaction-level advisory lock taken with "try" (a second server skips instead of waiting), then
 * {@code accounts.retention_checked_at} (V27) says whether another server already swept the account within
 * {@code every}; if not, {@link ContactPrivacyService#eraseStale} anonymizes up to {@link #BATCH} stale contacts and
 * the stamp is written. A full batch leaves the stamp alone, so the next round goes on where this one stopped.
 */
@Stateless
@TenantBound
public class RetentionSweep {

    /** Contacts anonymized per account and round at most (one transaction: it holds their rows until it commits). */
    public static final int BATCH = 500;

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    ContactPrivacyService privacy;

    /** Sweeps the bound account unless another server holds it or swept it within {@code every}; null then. */
    public ContactPrivacyService.Retention sweep(Duration every) {
        String account = CurrentTenant.require().toString();
        Object locked = em.createNativeQuery(
                        "select pg_try_advisory_xact_lock(hashtext('retention'), hashtext(?1))::text")
                .setParameter(1, account).getSingleResult();
        if (!"true".equals(locked)) {
            return null;
        }
        Object due = em.createNativeQuery("""
                        select (retention_checked_at is null or retention_checked_at <= now() - make_interval(secs => ?2))::text
                        from accounts where id = cast(?1 as uuid)""")
                .setParameter(1, account).setParameter(2, (double) every.toSeconds()).getSingleResult();
        if (!"true".equals(due)) {
            return null;
        }
        ContactPrivacyService.Retention done = privacy.eraseStale(BATCH);
        if (done.contacts() < BATCH) {
            em.createNativeQuery("update accounts set retention_checked_at = now() where id = cast(?1 as uuid)")
                    .setParameter(1, account).executeUpdate();
        }
        return done;
    }
}
