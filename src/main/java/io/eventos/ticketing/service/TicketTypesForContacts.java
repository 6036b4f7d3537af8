package io.eventos.ticketing.service;

import io.eventos.crm.service.ContactTicketTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * Ticketing's answer to the CRM ({@link ContactTicketTypes}): the account's ticket types with their event, read in
 * the caller's transaction (row level security keeps them to the bound account; the CRM service checked its
 * permission). One statement.
 */
@ApplicationScoped
public class TicketTypesForContacts implements ContactTicketTypes {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Override
    public List<TicketTypeChoice> choices() {
        List<?> rows = em.createNativeQuery("""
                        select t.id, e.name, t.name, t.currency
                        from tickets t join events e on e.account_id = t.account_id and e.id = t.event_id
                        order by e.starts_at desc, e.id, t.sort_order, t.name, t.id limit 500""")
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new TicketTypeChoice((UUID) r[0], (String) r[1],
                (String) r[2], String.valueOf(r[3]).strip())).toList();
    }
}
