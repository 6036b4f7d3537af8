package io.eventos.analytics.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/** The accounts whose rollups the background refresh keeps (V23's {@code rollup_accounts}: ids only). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RollupAccounts {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    public List<UUID> active() {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select rollup_accounts()").getResultList();
        return ids.stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
    }
}
