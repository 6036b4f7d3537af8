package io.eventos.event.service;

import io.eventos.event.domain.Event;
import io.eventos.event.domain.Venue;
import io.eventos.event.domain.VenueRoom;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test-only set-up for the agenda tests, deployed with them: rooms, another venue, audit rows to inspect. */
@Stateless
@TenantBound
public class AgendaFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** Adds a room to the venue of {@code eventId} and returns its id. */
    public UUID addRoom(UUID eventId, String name, Integer capacity) {
        Event event = em.find(Event.class, eventId);
        VenueRoom room = new VenueRoom(event.getVenue(), name);
        room.setCapacity(capacity);
        em.persist(room);
        em.flush();
        return room.getId();
    }

    /** A room of a venue no event uses. */
    public UUID roomElsewhere(String name) {
        Venue venue = new Venue("Elsewhere " + name, "Europe/Berlin");
        em.persist(venue);
        VenueRoom room = new VenueRoom(venue, name);
        em.persist(room);
        em.flush();
        return room.getId();
    }

    /** A second event at the same venue as {@code eventId}, at the same times. */
    public UUID eventAtSameVenue(UUID eventId, String name) {
        Event event = em.find(Event.class, eventId);
        Event other = new Event("other-" + UUID.randomUUID().toString().substring(0, 8), name, event.getStartsAt(),
                event.getEndsAt(), event.getTimeZone(), "EUR");
        other.setVenue(event.getVenue());
        em.persist(other);
        em.flush();
        return other.getId();
    }

    public Instant eventStart(UUID eventId) {
        return em.find(Event.class, eventId).getStartsAt();
    }

    /** "action event_id" of every audit row about {@code subjectId}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<String> auditOf(UUID subjectId) {
        return ((List<Object[]>) em.createNativeQuery(
                        "select action, event_id::text, coalesce(after::text, '') from audit_log where subject_id = ?1 "
                                + "order by occurred_at, created_at")
                .setParameter(1, subjectId)
                .getResultList()).stream().map(r -> r[0] + " " + r[1] + " " + r[2]).toList();
    }

    public long mediaCount() {
        return ((Number) em.createNativeQuery("select count(*) from media").getSingleResult()).longValue();
    }
}
