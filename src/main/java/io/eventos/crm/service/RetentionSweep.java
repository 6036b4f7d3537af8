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
 * transaction-level advisory lock taken with "try" (a second server skips instead of waiting), then the account's
 * stamp in the CRM's {@code contact_retention_sweeps} (V39; a column of accounts before, V27) says whether another
 * server already swept the account within {@code every}; if not, {@link ContactPrivacyService#eraseStale} anonymizes
 * up to {@link #BATCH} stale contacts and the stamp is written. A full batch leaves the stamp alone, so the next round
 * goes on where this one stopped.
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
        boolean sweptRecently = !em.createNativeQuery("""
                        select 1 from contact_retention_sweeps
                        where account_id = cast(?1 as uuid) and checked_at > now() - make_interval(secs => ?2)""")
                .setParameter(1, account).setParameter(2, (double) every.toSeconds()).getResultList().isEmpty();
        if (sweptRecently) {
            return null;
        }
        ContactPrivacyService.Retention done = privacy.eraseStale(BATCH);
        if (done.contacts() < BATCH) {
            em.createNativeQuery("""
                            insert into contact_retention_sweeps (account_id, checked_at) values (cast(?1 as uuid), now())
                            on conflict (account_id) do update set checked_at = excluded.checked_at""")
                    .setParameter(1, account).executeUpdate();
        }
        return done;
    }
}
