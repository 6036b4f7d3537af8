package io.eventos.event.service;

import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventStatus;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Organizer-side events of the bound account, as the signed-in member may see and change them: a member limited
 * to some events sees only those. (The editor, venues and agenda come with the events work.)
 */
@Stateless
@TenantBound
public class EventService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    Authorizer authorizer;

    Clock clock = Clock.systemUTC();

    /** Events that have not ended yet, soonest first. */
    @RequiresPermission(Permission.VIEW)
    public List<EventCard> upcoming(int limit) {
        return visible("e.endsAt > :now", limit).setParameter("now", clock.instant())
                .getResultStream().map(EventCard::of).toList();
    }

    /** All events the member may see, soonest first. */
    @RequiresPermission(Permission.VIEW)
    public List<EventCard> list() {
        return visible("1 = 1", 500).getResultStream().map(EventCard::of).toList();
    }

    @RequiresPermission(Permission.VIEW)
    public long count() {
        Optional<Set<UUID>> scope = authorizer.eventScope();
        if (scope.isPresent()) {
            return scope.get().isEmpty() ? 0 : em.createQuery("select count(e) from Event e where e.id in :scope",
                    Long.class).setParameter("scope", scope.get()).getSingleResult();
        }
        return em.createQuery("select count(e) from Event e", Long.class).getSingleResult();
    }

    @RequiresPermission(Permission.VIEW)
    public Optional<EventCard> find(@EventRef UUID id) {
        return Optional.ofNullable(em.find(Event.class, id)).map(EventCard::of);
    }

    /** Creates a draft event. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public EventCard createDraft(String slug, String name, Instant startsAt, Instant endsAt, String timeZone,
                                 String currency) {
        Event event = new Event(slug, name, startsAt, endsAt, timeZone, currency);
        em.persist(event);
        em.flush();
        return EventCard.of(event);
    }

    /** Renames an event; false if there is no such event in this account. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public boolean rename(@EventRef UUID id, String name) {
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
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public boolean deleteDraft(@EventRef UUID id) {
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

    /** Events matching {@code condition}, limited to the member's events if they are limited to some. */
    private TypedQuery<Event> visible(String condition, int limit) {
        Optional<Set<UUID>> scope = authorizer.eventScope();
        TypedQuery<Event> query = em.createQuery("select e from Event e left join fetch e.venue where " + condition
                + (scope.isPresent() ? " and e.id in :scope" : "") + " order by e.startsAt", Event.class)
                .setMaxResults(limit);
        if (scope.isPresent()) {
            query.setParameter("scope", scope.get().isEmpty() ? Set.of(new UUID(0, 0)) : scope.get());
        }
        return query;
    }
}
