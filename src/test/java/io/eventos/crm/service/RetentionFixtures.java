package io.eventos.crm.service;

import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/** Test-only: moves a contact's past back in time (no service offers it), so the retention sweep has old contacts. */
@Stateless
@TenantBound
public class RetentionFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The contact and every entry of its timeline happened {@code days} days earlier than recorded. */
    public void age(UUID contactId, int days) {
        em.createNativeQuery("""
                        update contacts set created_at = created_at - make_interval(days => ?2),
                               last_activity_at = last_activity_at - make_interval(days => ?2)
                        where id = ?1""")
                .setParameter(1, contactId).setParameter(2, days).executeUpdate();
        em.createNativeQuery("""
                        update activities set occurred_at = occurred_at - make_interval(days => ?2)
                        where contact_id = ?1""")
                .setParameter(1, contactId).setParameter(2, days).executeUpdate();
    }
}
