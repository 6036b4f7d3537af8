package io.eventos.event.service;

import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventStatus;
import io.eventos.event.domain.EventVisibility;
import io.eventos.event.domain.Session;
import io.eventos.event.domain.Venue;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.text.SafeHtml;
import io.eventos.platform.text.SafeUrls;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Read-only queries behind the public pages ({@code /e/...}) of the account bound from the URL. Only published,
 * completed or cancelled events are public; private events and drafts do not exist for the public, and unlisted
 * ones are found by their link but never listed.
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class PublicEventService {

    private static final List<EventStatus> VISIBLE_STATES =
            List.of(EventStatus.PUBLISHED, EventStatus.COMPLETED, EventStatus.CANCELLED);

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public Optional<PublicEvent> findEvent(String slug) {
        List<Event> found = em.createQuery("""
                        select e from Event e left join fetch e.venue
                        where e.slug = :slug and e.status in :states and e.visibility in :visibilities""", Event.class)
                .setParameter("slug", slug)
                .setParameter("states", VISIBLE_STATES)
                .setParameter("visibilities", List.of(EventVisibility.PUBLIC, EventVisibility.UNLISTED))
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Event event = found.get(0);
        List<PublicEvent.AgendaItem> agenda = em.createQuery("""
                        select s from Session s left join fetch s.room
                        where s.event = :event order by s.startsAt, s.track, s.title""", Session.class)
                .setParameter("event", event)
                .getResultStream()
                .map(s -> new PublicEvent.AgendaItem(s.getId(), s.getTitle(), s.getDescription(),
                        s.getKind() == null ? null : s.getKind().name(), s.getTrack(),
                        s.getRoom() == null ? null : s.getRoom().getName(), s.getStartsAt(), s.getEndsAt()))
                .toList();
        return Optional.of(new PublicEvent(event.getId(), event.getSlug(), event.getName(), event.getSummary(),
                SafeHtml.sanitize(event.getDescriptionHtml()), event.getStartsAt(), event.getEndsAt(),
                ZoneId.of(event.getTimeZone()), event.getFormat(), event.getStatus(),
                event.getCancelReason(), event.getOrganizerEmail(), venue(event.getVenue()), agenda));
    }

    /** Public, published (or cancelled) events that have not ended, soonest first. */
    public List<EventCard> upcomingEvents() {
        return em.createQuery("""
                        select e from Event e left join fetch e.venue
                        where e.visibility = :visibility and e.status in :states and e.endsAt > :now
                        order by e.startsAt""", Event.class)
                .setParameter("visibility", EventVisibility.PUBLIC)
                .setParameter("states", List.of(EventStatus.PUBLISHED, EventStatus.CANCELLED))
                .setParameter("now", clock.instant())
                .setMaxResults(100)
                .getResultStream()
                .map(EventCard::of)
                .toList();
    }

    private static PublicEvent.PublicVenue venue(Venue v) {
        if (v == null) {
            return null;
        }
        return new PublicEvent.PublicVenue(v.getName(), v.getAddressLine1(), v.getAddressLine2(), v.getPostalCode(),
                v.getCity(), v.getRegion(), v.getCountry(), SafeUrls.webLinkOrNull(v.getMapUrl()),
                v.getAccessibilityNotes());
    }
}
