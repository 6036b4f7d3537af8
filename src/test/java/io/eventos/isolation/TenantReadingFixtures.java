package io.eventos.isolation;

import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/** Test-only: a tenant-bound service that reports which account's rows it sees ({@link TenantBindingFixtures}). */
@Stateless
@TenantBound
public class TenantReadingFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The events row level security lets this call see, in the caller's transaction. */
    public List<UUID> eventsVisible() {
        return em.createNativeQuery("select id from events order by id").getResultList().stream()
                .map(UUID.class::cast).toList();
    }

    /** The same, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<UUID> eventsVisibleOnItsOwn() {
        return eventsVisible();
    }
}
