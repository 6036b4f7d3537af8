package io.eventos.isolation;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.tenancy.TransactionSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * Test-only: a tenant-bound service that calls another inside its transaction, changing the transaction's settings
 * in between in the ways the application may (through {@link TransactionSettings}) or must not (a raw
 * {@code set_config}), so that {@code TenantIsolationIT} can see when the nested call binds its tenant again.
 */
@Stateless
@TenantBound
public class TenantBindingFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    TenantReadingFixtures reader;

    /** The nested call's view after the account setting was emptied by a raw statement, behind the binding's back. */
    public List<UUID> nestedAfterARawClear() {
        em.createNativeQuery("select set_config('app.account_id', '', true)").getSingleResult();
        return reader.eventsVisible();
    }

    /** The nested call's view after {@link TransactionSettings#clear}. */
    public List<UUID> nestedAfterTransactionSettingsClear() {
        TransactionSettings.clear(em, TransactionSettings.ACCOUNT);
        return reader.eventsVisible();
    }

    /** The nested call's view after {@link TransactionSettings#set} to {@code other}. */
    public List<UUID> nestedAfterTransactionSettingsSet(UUID other) {
        TransactionSettings.set(em, TransactionSettings.ACCOUNT, other);
        return reader.eventsVisible();
    }

    /** The events a nested call bound to {@code other} sees, then those a second nested call of ours sees. */
    public List<List<UUID>> nestedForAnotherAccountThenOurs(UUID other) {
        List<UUID> theirs;
        try (var tenant = CurrentTenant.bind(other)) {
            theirs = reader.eventsVisible();
        }
        return List.of(theirs, reader.eventsVisible());
    }

    /** A nested call in a transaction of its own, after our transaction's setting was emptied by a raw statement. */
    public List<UUID> ownTransactionAfterARawClear() {
        em.createNativeQuery("select set_config('app.account_id', '', true)").getSingleResult();
        return reader.eventsVisibleOnItsOwn();
    }
}
