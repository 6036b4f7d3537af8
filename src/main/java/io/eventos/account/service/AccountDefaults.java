package io.eventos.account.service;

import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The bound account's defaults for what other contexts create (a new event's currency), read in the caller's
 * transaction: one statement and no tenant binding of its own (docs/architecture.md, "One SQL home per context").
 */
@ApplicationScoped
public class AccountDefaults {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The account's default currency (ISO 4217), e.g. "EUR". */
    public String currency() {
        return em.createNativeQuery("select default_currency from accounts where id = ?1")
                .setParameter(1, CurrentTenant.require()).getSingleResult().toString().trim();
    }
}
