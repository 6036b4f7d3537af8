package io.eventos.ticketing.service;

import io.eventos.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * An event's ticket types by name, for the contexts above ticketing (check-in: what a check-in list admits), read in
 * the caller's transaction with its account bound (row level security keeps them to that account); the caller
 * checked its permission. One statement, as the caller used to run itself (docs/architecture.md, "One SQL home per
 * context").
 */
@ApplicationScoped
public class TicketTypeNames {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The event's ticket types, id → name, in the organizer's order. */
    public LinkedHashMap<UUID, String> of(UUID eventId) {
        LinkedHashMap<UUID, String> types = new LinkedHashMap<>();
        em.createNativeQuery("select id, name from tickets where event_id = ?1 order by sort_order, name")
                .setParameter(1, eventId).getResultStream()
                .forEach(r -> types.put(SqlValues.uuid(((Object[]) r)[0]), (String) ((Object[]) r)[1]));
        return types;
    }
}
