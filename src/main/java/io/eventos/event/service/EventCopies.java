package io.eventos.event.service;

import io.eventos.account.service.AuditLog;
import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventSeries;
import io.eventos.event.domain.EventSlug;
import io.eventos.event.domain.LocalShift;
import io.eventos.event.domain.Repetition;
import io.eventos.event.domain.Session;
import io.eventos.event.domain.SessionSpeaker;
import io.eventos.event.domain.Speaker;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Copies of an event: a clone as a new draft at another date, and weekly or monthly series of drafts; each copy
 * with its settings, venue, description, cover, agenda and ticket types (by ticketing, {@link EventTicketTypes}),
 * never its orders or attendees. Every copy writes its audit record in the same transaction.
 */
@Stateless
@TenantBound
public class EventCopies {

    private static final int MAX_REPEAT = 52;

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    Authorizer authorizer;
    @Inject
    AuditLog audit;
    @Inject
    EventTicketTypes tickets;

    /**
     * Copies an event as a new draft: its settings, venue, description, cover, agenda (sessions, speakers and who
     * speaks where) and ticket types; no orders or attendees. The copy starts at {@code startsAt} (wall-clock time in
     * the event's zone; null: the same time), every other time moved with it. Returns the new event's id.
     */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public UUID cloneEvent(@EventRef UUID id, LocalDateTime startsAt) {
        EventRecords.requireAccountWide(authorizer, "create events");
        Event source = EventRecords.existing(em, id);
        ZoneId zone = ZoneId.of(source.getTimeZone());
        LocalDateTime from = LocalDateTime.ofInstant(source.getStartsAt(), zone);
        LocalShift shift = LocalShift.between(zone, from, startsAt == null ? from : startsAt);
        Event copy = copy(source, shift, null);
        audit.record("event.cloned", "event", copy.getId(), Map.of("from_event", source.getId().toString()),
                EventRecords.snapshot(copy)).setEventId(copy.getId());
        return copy.getId();
    }

    /**
     * Repeats an event weekly or monthly: {@code count} new drafts (each a full copy), at the same local time of
     * day in the event's zone on each date, all linked with the original in one event series (the original's
     * series if it has one). Returns the new events' ids in date order.
     */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public List<UUID> repeat(@EventRef UUID id, String repetition, int count) {
        EventRecords.requireAccountWide(authorizer, "create events");
        Repetition rule = Repetition.of(repetition).orElseThrow(() -> new EventInputException("repetition",
                "Choose weekly or monthly."));
        if (count < 1 || count > MAX_REPEAT) {
            throw new EventInputException("repeatCount", "Enter a number of dates between 1 and " + MAX_REPEAT + ".");
        }
        Event source = EventRecords.existing(em, id);
        EventSeries series = source.getSeries();
        if (series == null) {
            series = new EventSeries(source.getName());
            series.setRecurrenceJson(Json.createObjectBuilder().add("repeat", rule.code()).add("dates", count + 1)
                    .add("first_event", source.getId().toString()).build().toString());
            em.persist(series);
            source.setSeries(series);
            audit.record("event.series_created", "event_series", series.getId(), null,
                    Map.of("name", series.getName(), "repeat", rule.code(), "first_event", source.getId().toString()))
                    .setEventId(source.getId());
        }
        ZoneId zone = ZoneId.of(source.getTimeZone());
        LocalDateTime first = LocalDateTime.ofInstant(source.getStartsAt(), zone);
        List<UUID> created = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            LocalShift shift = LocalShift.between(zone, first, rule.nth(first, n));
            Event copy = copy(source, shift, series);
            Map<String, Object> after = EventRecords.snapshot(copy);
            after.put("series", series.getId().toString());
            audit.record("event.cloned", "event", copy.getId(), Map.of("from_event", source.getId().toString()),
                    after).setEventId(copy.getId());
            created.add(copy.getId());
        }
        return created;
    }

    private Event copy(Event source, LocalShift shift, EventSeries series) {
        Instant startsAt = shift.apply(source.getStartsAt());
        String base = source.getSlug().replaceAll("-\\d{4}-\\d{2}-\\d{2}$", "");
        LocalDate day = LocalDateTime.ofInstant(startsAt, shift.zone()).toLocalDate();
        String wanted = base;
        if (!day.equals(LocalDateTime.ofInstant(source.getStartsAt(), shift.zone()).toLocalDate())) {
            String suffix = "-" + day; // e.g. meetup-2027-03-14
            int room = EventSlug.MAX_LENGTH - suffix.length();
            wanted = (base.length() > room ? base.substring(0, room).replaceAll("-+$", "") : base) + suffix;
        }
        Event copy = new Event(EventRecords.freeSlug(em, wanted, null), source.getName(), startsAt, shift.apply(source.getEndsAt()),
                source.getTimeZone(), source.getCurrency());
        copy.setVenue(source.getVenue());
        copy.setSeries(series);
        copy.setSummary(source.getSummary());
        copy.setDescriptionHtml(source.getDescriptionHtml());
        copy.setDescriptionText(source.getDescriptionText());
        copy.setFormat(source.getFormat());
        copy.setOnlineUrl(source.getOnlineUrl());
        copy.setCapacity(source.getCapacity());
        copy.setCoverMedia(source.getCoverMedia());
        copy.setVisibility(source.getVisibility());
        copy.setOrganizerEmail(source.getOrganizerEmail());
        copy.setSettingsJson(source.getSettingsJson());
        copy.setCustomFieldsJson(source.getCustomFieldsJson());
        copy.setCreatedBy(CurrentTenant.user().orElse(null));
        em.persist(copy);
        em.flush();

        Map<UUID, Speaker> speakers = new HashMap<>();
        for (Speaker s : em.createQuery("select s from Speaker s where s.event = :event order by s.sortOrder",
                Speaker.class).setParameter("event", source).getResultList()) {
            Speaker c = new Speaker(copy, s.getName());
            c.setCompany(s.getCompany());
            c.setJobTitle(s.getJobTitle());
            c.setBio(s.getBio());
            c.setPhotoMedia(s.getPhotoMedia());
            c.setSortOrder(s.getSortOrder());
            em.persist(c);
            speakers.put(s.getId(), c);
        }
        Map<UUID, Session> sessions = new HashMap<>();
        for (Session s : em.createQuery("select s from Session s where s.event = :event order by s.startsAt",
                Session.class).setParameter("event", source).getResultList()) {
            Session c = new Session(copy, s.getTitle(), shift.apply(s.getStartsAt()), shift.apply(s.getEndsAt()));
            c.setDescription(s.getDescription());
            c.setKind(s.getKind());
            c.setTrack(s.getTrack());
            c.setRoom(s.getRoom());
            c.setCapacity(s.getCapacity());
            em.persist(c);
            sessions.put(s.getId(), c);
        }
        for (SessionSpeaker link : em.createQuery("select l from SessionSpeaker l where l.session.event = :event",
                SessionSpeaker.class).setParameter("event", source).getResultList()) {
            Session session = sessions.get(link.getSession().getId());
            Speaker speaker = speakers.get(link.getSpeaker().getId());
            if (session != null && speaker != null) {
                em.persist(new SessionSpeaker(session, speaker));
            }
        }
        tickets.copyTicketTypes(source.getId(), copy.getId(), shift::apply);
        em.flush();
        return copy;
    }
}
