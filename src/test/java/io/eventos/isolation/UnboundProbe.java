package io.eventos.isolation;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Test-only: a transaction that binds no tenant, as a forgotten binding would. It reports what such a transaction
 * sees on a pooled connection that served tenants before.
 */
@Stateless
public class UnboundProbe {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** [the app.account_id setting as seen now, events visible, venues visible, accounts visible]. */
    public List<Object> whatIsVisible() {
        Object setting = em.createNativeQuery("select coalesce(current_setting('app.account_id', true), '<unset>')")
                .getSingleResult();
        Object events = em.createNativeQuery("select count(*) from events").getSingleResult();
        Object venues = em.createNativeQuery("select count(*) from venues").getSingleResult();
        Object accounts = em.createNativeQuery("select count(*) from accounts").getSingleResult();
        return List.of(String.valueOf(setting), ((Number) events).longValue(), ((Number) venues).longValue(),
                ((Number) accounts).longValue());
    }
}
