package io.eventos.crm.service;

import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * Writes an import's status row in a transaction of its own, so the page sees how far the import got (or that it
 * failed) while the import's one transaction is still open (or after it was rolled back).
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ContactImportProgress {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** {@code processed} rows of the file are written (not yet committed). */
    public void progress(UUID importId, int processed) {
        em.createNativeQuery("""
                        update contact_imports set processed_rows = ?2, updated_at = now()
                        where id = ?1 and status = 'running'""")
                .setParameter(1, importId).setParameter(2, processed).executeUpdate();
    }

    /** The import failed and its transaction was rolled back: nothing of it stays. */
    public void fail(UUID importId, String error) {
        em.createNativeQuery("""
                        update contact_imports set status = 'failed', error = ?2, processed_rows = 0,
                               finished_at = now(), updated_at = now()
                        where id = ?1 and status = 'running'""")
                .setParameter(1, importId).setParameter(2, error).executeUpdate();
    }
}
