package io.eventos.event.service;

import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventStatus;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Organizer-side events of the bound account. (Permissions per role arrive with the identity work; the editor,
 * venues and agenda with the events work.)
 */
@Stateless
@TenantBound
public class EventService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Events that have not ended yet, soonest first. */
    public List<EventCard> upcoming(int limit) {
        return em.createQuery("""
                        select e from Event e left join fetch e.venue where e.endsAt > :now order by e.startsAt""",
                        Event.class)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultStream()
                .map(EventCard::of)
                .toList();
    }

    /** All events of the account, soonest first. */
    public List<EventCard> list() {
        return em.createQuery("select e from Event e left join fetch e.venue order by e.startsAt", Event.class)
                .setMaxResults(500)
                .getResultStream()
                .map(EventCard::of)
                .toList();
    }

    public Optional<EventCard> find(UUID id) {
        return Optional.ofNullable(em.find(Event.class, id)).map(EventCard::of);
    }

    /** Creates a draft event. */
    public EventCard createDraft(String slug, String name, Instant startsAt, Instant endsAt, String timeZone,
                                 String currency) {
        Event event = new Event(slug, name, startsAt, endsAt, timeZone, currency);
        em.persist(event);
        em.flush();
        return EventCard.of(event);
    }

    /** Renames an event; false if there is no such event in this account. */
    public boolean rename(UUID id, String name) {
        Event event = em.find(Event.class, id);
        if (event == null) {
            return false;
        }
        event.setName(name);
        em.flush();
        return true;
    }

    /**
     * Deletes a draft event; false if there is no such event in this account. Anything past draft may have buyers
     * and is cancelled instead, never deleted.
     */
    public boolean deleteDraft(UUID id) {
        Event event = em.find(Event.class, id);
        if (event == null) {
            return false;
        }
        if (event.getStatus() != EventStatus.DRAFT) {
            throw new IllegalStateException("Only a draft event can be deleted; cancel a published one instead");
        }
        em.remove(event);
        em.flush();
        return true;
    }

    public long count() {
        return em.createQuery("select count(e) from Event e", Long.class).getSingleResult();
    }
}
