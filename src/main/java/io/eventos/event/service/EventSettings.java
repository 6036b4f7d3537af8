package io.eventos.event.service;

import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * The event's settings ({@code events.settings}, JSON): one key per concern, and the only writer of that column.
 * Contexts above the event context keep their own key here (ticketing: {@code cancellation}, the buyers'
 * cancellation policy) instead of writing the event context's table themselves (docs/architecture.md, "One SQL home
 * per context"). The caller checks the permission to change what its key means.
 */
@Stateless
@TenantBound
public class EventSettings {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * Sets {@code key} of the bound account's event to {@code json} (a JSON value as text), or removes it when
     * {@code json} is null. False when there is no such event in the account.
     */
    public boolean put(UUID eventId, String key, String json) {
        int changed = json == null
                ? em.createNativeQuery("update events set settings = settings - cast(?2 as text), updated_at = now() "
                        + "where id = ?1").setParameter(1, eventId).setParameter(2, key).executeUpdate()
                : em.createNativeQuery("update events set settings = jsonb_set(settings, cast(?2 as text[]), "
                        + "cast(?3 as jsonb)), updated_at = now() where id = ?1")
                .setParameter(1, eventId).setParameter(2, "{" + key + "}").setParameter(3, json).executeUpdate();
        return changed > 0;
    }
}
