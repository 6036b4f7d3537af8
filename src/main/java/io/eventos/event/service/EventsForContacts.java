package io.eventos.event.service;

import io.eventos.crm.service.ContactEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The events context's answer to the CRM ({@link ContactEvents}): the account's events by name, read in the
 * caller's transaction (row level security keeps them to the bound account; the CRM service checked its permission).
 */
@ApplicationScoped
public class EventsForContacts implements ContactEvents {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Override
    public List<ContactEvent> choices() {
        List<?> rows = em.createNativeQuery("select id, name from events order by starts_at desc, id limit 500")
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new ContactEvent((UUID) r[0], (String) r[1])).toList();
    }

    @Override
    public Map<UUID, String> names(Set<UUID> eventIds) {
        Map<UUID, String> names = new HashMap<>();
        if (eventIds.isEmpty()) {
            return names;
        }
        List<?> rows = em.createNativeQuery("select id, name from events where id = any(cast(?1 as uuid[]))")
                .setParameter(1, eventIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        rows.stream().map(r -> (Object[]) r).forEach(r -> names.put((UUID) r[0], (String) r[1]));
        return names;
    }
}
