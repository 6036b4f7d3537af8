package io.eventos.event.service;

import io.eventos.account.service.AccountService;
import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventStatus;
import io.eventos.event.domain.EventVisibility;
import io.eventos.event.domain.Session;
import io.eventos.event.domain.Venue;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.text.SafeHtml;
import io.eventos.platform.text.SafeUrls;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only queries behind the public pages ({@code /e/...}) of the account bound from the URL. Only published,
 * completed or cancelled events are public; private events and drafts do not exist for the public, and unlisted
 * ones are found by their link but never listed. A page's reads share one transaction and a fixed number of
 * queries, however long the agenda (no query per session or speaker).
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class PublicEventService {

    private static final List<EventStatus> VISIBLE_STATES =
            List.of(EventStatus.PUBLISHED, EventStatus.COMPLETED, EventStatus.CANCELLED);

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    TicketOffers tickets;
    @EJB
    AccountService accounts;
    @EJB
    PublicPageStore store;

    Clock clock = Clock.systemUTC();

    /**
     * The event page: organizer, event with its agenda, and the ticket types on offer; empty if not public. The
     * account's public content version is read first, so a change committed while the rest is read leaves the
     * details older than their version says, never newer (a kept rendering of them is then stale, not current).
     */
    public Optional<PublicEventDetails> findEventDetails(String slug) {
        long version = store.contentVersion();
        return findEvent(slug).map(event -> new PublicEventDetails(accounts.currentProfile(), event,
                tickets.publicOffers(event.id()), version));
    }

    /** The organizer page: the account's public profile and its upcoming listed events. */
    public PublicOrganizer organizer() {
        return new PublicOrganizer(accounts.currentProfile(), upcomingEvents());
    }

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
        Map<UUID, List<PublicEvent.AgendaSpeaker>> speakers = speakersBySession(event);
        List<PublicEvent.AgendaItem> agenda = em.createQuery("""
                        select s from Session s left join fetch s.room
                        where s.event = :event order by s.startsAt, s.track, s.title""", Session.class)
                .setParameter("event", event)
                .getResultStream()
                .map(s -> new PublicEvent.AgendaItem(s.getId(), s.getTitle(), s.getDescription(),
                        s.getKind() == null ? null : s.getKind().name(), s.getTrack(),
                        s.getRoom() == null ? null : s.getRoom().getName(), s.getStartsAt(), s.getEndsAt(),
                        speakers.getOrDefault(s.getId(), List.of())))
                .toList();
        return Optional.of(new PublicEvent(event.getId(), event.getSlug(), event.getName(), event.getSummary(),
                SafeHtml.sanitize(event.getDescriptionHtml()), event.getStartsAt(), event.getEndsAt(),
                ZoneId.of(event.getTimeZone()), event.getFormat(), event.getStatus(),
                event.getCancelReason(), event.getOrganizerEmail(), venue(event.getVenue()), agenda,
                event.getVisibility() == EventVisibility.UNLISTED));
    }

    /** The speakers of every session of the event, in the organizer's speaker order: one query. */
    private Map<UUID, List<PublicEvent.AgendaSpeaker>> speakersBySession(Event event) {
        Map<UUID, List<PublicEvent.AgendaSpeaker>> bySession = new HashMap<>();
        em.createQuery("""
                        select s.id, sp.name, sp.company, sp.jobTitle
                        from SessionSpeaker ss join ss.session s join ss.speaker sp
                        where s.event = :event order by sp.sortOrder, sp.name""", Object[].class)
                .setParameter("event", event)
                .getResultStream()
                .forEach(row -> bySession.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                        .add(new PublicEvent.AgendaSpeaker((String) row[1], (String) row[2], (String) row[3])));
        return bySession;
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
