package io.eventos.checkin.service;

import io.eventos.crm.service.ContactCheckIns;
import io.eventos.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Check-in's answer to the CRM ({@link ContactCheckIns}): the entries and exits of a person's tickets, read in the
 * caller's transaction (row level security keeps them to the bound account). An undone scan is not one.
 */
@ApplicationScoped
public class CheckInsForContacts implements ContactCheckIns {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Override
    public Map<UUID, List<CheckInFact>> of(Collection<UUID> attendeeIds) {
        if (attendeeIds.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("""
                        select c.attendee_id, c.direction, c.created_at from check_ins c
                        where c.attendee_id = any(cast(?1 as uuid[])) and c.undone_at is null
                        order by c.created_at, c.id""")
                .setParameter(1, attendeeIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<UUID, List<CheckInFact>> byTicket = new LinkedHashMap<>();
        rows.stream().map(r -> (Object[]) r).forEach(r -> byTicket
                .computeIfAbsent(SqlValues.uuid(r[0]), k -> new ArrayList<>())
                .add(new CheckInFact((String) r[1], SqlValues.instant(r[2]))));
        return byTicket;
    }
}
