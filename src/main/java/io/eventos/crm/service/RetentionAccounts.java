package io.eventos.crm.service;

import io.eventos.platform.persistence.SqlValues;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/** The accounts that set a retention period (V27's {@code retention_accounts()}: ids only). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionAccounts {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    public List<UUID> withRetention() {
        List<?> ids = em.createNativeQuery("select retention_accounts()").getResultList();
        return ids.stream().map(SqlValues::uuid).toList();
    }
}
