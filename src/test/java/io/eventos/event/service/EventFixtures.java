package io.eventos.event.service;

import io.eventos.event.domain.Event;
import io.eventos.event.domain.Session;
import io.eventos.event.domain.SessionSpeaker;
import io.eventos.event.domain.Speaker;
import io.eventos.event.domain.Venue;
import io.eventos.event.domain.VenueRoom;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.Ticket;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test-only writer and reader for the events tests: agenda and ticket rows no service writes yet, raw checks. */
@Stateless
@TenantBound
public class EventFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** Marks a user's email as confirmed (what the link from the sign-up mail does). */
    public void verifyEmail(UUID userId) {
        em.createNativeQuery("update users set email_verified_at = now() where id = ?1").setParameter(1, userId)
                .executeUpdate();
    }

    /**
     * Gives an event a room (in its venue), two sessions, two speakers (one on both sessions) and two ticket types;
     * returns the first session's start.
     */
    public Instant addAgendaAndTickets(UUID eventId) {
        Event event = em.find(Event.class, eventId);
        Venue venue = event.getVenue();
        VenueRoom room = new VenueRoom(venue, "Room " + UUID.randomUUID().toString().substring(0, 6));
        em.persist(room);
        Instant start = event.getStartsAt();
        Session keynote = new Session(event, "Keynote", start, start.plus(Duration.ofHours(1)));
        keynote.setRoom(room);
        keynote.setTrack("Main");
        Session panel = new Session(event, "Panel", start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2)));
        em.persist(keynote);
        em.persist(panel);
        Speaker ada = new Speaker(event, "Ada Lovelace");
        ada.setBio("Analyst");
        Speaker grace = new Speaker(event, "Grace Hopper");
        em.persist(ada);
        em.persist(grace);
        em.persist(new SessionSpeaker(keynote, ada));
        em.persist(new SessionSpeaker(panel, ada));
        em.persist(new SessionSpeaker(panel, grace));
        Ticket regular = new Ticket(eventId, "Regular", 2500, event.getCurrency());
        regular.setQuantity(100);
        regular.setSalesStart(start.minus(Duration.ofDays(20)));
        regular.setSalesEnd(start);
        Ticket free = new Ticket(eventId, "Volunteer", 0, event.getCurrency());
        free.setSortOrder(1);
        em.persist(regular);
        em.persist(free);
        em.flush();
        return start;
    }

    /** "title@start|room|speaker,speaker" per session of an event, by start, for comparing agendas. */
    public List<String> agenda(UUID eventId) {
        List<Session> sessions = em.createQuery("select s from Session s where s.event.id = :e order by s.startsAt",
                Session.class).setParameter("e", eventId).getResultList();
        return sessions.stream().map(s -> s.getTitle() + "@" + s.getStartsAt() + "|"
                + (s.getRoom() == null ? "" : s.getRoom().getName()) + "|"
                + String.join(",", em.createQuery("""
                                select l.speaker.name from SessionSpeaker l where l.session = :s
                                order by l.speaker.name""", String.class)
                        .setParameter("s", s).getResultList())).toList();
    }

    /** "name|price|salesEnd" per ticket type of an event. */
    public List<String> ticketTypes(UUID eventId) {
        return em.createQuery("select t from Ticket t where t.eventId = :e order by t.sortOrder, t.name", Ticket.class)
                .setParameter("e", eventId).getResultStream()
                .map(t -> t.getName() + "|" + t.getPriceMinor() + "|" + t.getSalesEnd()).toList();
    }

    /** The speakers' event ids of an event's session links (to prove the links point at the copy's own speakers). */
    public List<UUID> linkedSpeakerEvents(UUID eventId) {
        return em.createQuery("select l.speaker.event.id from SessionSpeaker l where l.session.event.id = :e",
                UUID.class).setParameter("e", eventId).getResultList();
    }

    public String status(UUID eventId) {
        return em.find(Event.class, eventId).getStatus().name();
    }

    public UUID seriesOf(UUID eventId) {
        Event event = em.find(Event.class, eventId);
        return event.getSeries() == null ? null : event.getSeries().getId();
    }

    public Instant startOf(UUID eventId) {
        return em.find(Event.class, eventId).getStartsAt();
    }

    public String descriptionHtml(UUID eventId) {
        return (String) em.createNativeQuery("select description_html from events where id = ?1")
                .setParameter(1, eventId).getSingleResult();
    }

    public String descriptionText(UUID eventId) {
        return (String) em.createNativeQuery("select description_text from events where id = ?1")
                .setParameter(1, eventId).getSingleResult();
    }
}
