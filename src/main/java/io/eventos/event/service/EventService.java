package io.eventos.event.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.media.service.MediaLibrary;
import io.eventos.platform.input.InputProblem;
import io.eventos.account.service.AccountDefaults;
import io.eventos.account.service.AccountService;
import io.eventos.account.service.AuditLog;
import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventFormat;
import io.eventos.event.domain.EventSeries;
import io.eventos.event.domain.EventSlug;
import io.eventos.event.domain.EventStatus;
import io.eventos.event.domain.EventVisibility;
import io.eventos.event.domain.LocalShift;
import io.eventos.media.domain.Media;
import io.eventos.event.domain.Repetition;
import io.eventos.event.domain.Session;
import io.eventos.event.domain.SessionSpeaker;
import io.eventos.event.domain.Speaker;
import io.eventos.event.domain.Venue;
import io.eventos.event.domain.VenueStatus;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.text.EditorHtml;
import io.eventos.platform.text.SafeHtml;
import io.eventos.platform.text.SafeUrls;
import io.eventos.media.service.MediaPaths;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Organizer-side events of the bound account, as the signed-in member may change them: a member limited to some
 * events changes only those (and cannot create new ones). Covers the editor, the status workflow (draft → published
 * → completed, or cancelled with a reason; the {@code Event} entity refuses any other move), cloning and series.
 * Every change writes the audit record in the same transaction. Finding and listing events is {@link EventSearch}.
 */
@Stateless
@TenantBound
public class EventService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    Authorizer authorizer;
    @Inject
    AuditLog audit;
    @Inject
    AccountService accounts;
    @Inject
    AccountDefaults defaults;
    @Inject
    EventTicketTypes tickets;

    Clock clock = Clock.systemUTC();

    // ------------------------------------------------------------------------------------------------ the editor

    /** The event for the editor, or empty if there is no such event in this account. */
    @RequiresPermission(Permission.VIEW)
    public Optional<EventDetails> details(@EventRef UUID id) {
        Event event = id == null ? null : em.find(Event.class, id);
        return Optional.ofNullable(event).map(this::details);
    }

    /** A slug made from {@code name} that no other event of this account uses. */
    @RequiresPermission(Permission.VIEW)
    public String suggestSlug(String name, UUID exceptEventId) {
        return EventRecords.freeSlug(em, EventSlug.from(name), exceptEventId);
    }

    /** IANA time zones to choose from. */
    public List<String> timeZones() {
        return Inputs.ZONES;
    }

    /** Creates a draft event; returns its id. Refused input names its fields. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public UUID create(EventInput input) {
        EventRecords.requireAccountWide(authorizer, "create events");
        Clean clean = validate(input, null);
        Event event = new Event(clean.slug, clean.name, clean.startsAt, clean.endsAt, clean.timeZone,
                defaults.currency());
        apply(event, clean);
        event.setCreatedBy(CurrentTenant.user().orElse(null));
        em.persist(event);
        flushOrRefuseSlug(clean.slug);
        audit.record("event.created", "event", event.getId(), null, EventRecords.snapshot(event)).setEventId(event.getId());
        return event.getId();
    }

    /** Saves the editor's fields (any status). */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void update(@EventRef UUID id, EventInput input) {
        Event event = EventRecords.existing(em, id);
        Clean clean = validate(input, event);
        Map<String, Object> before = EventRecords.snapshot(event);
        event.setSlug(clean.slug);
        event.setName(clean.name);
        event.setTimeZone(clean.timeZone);
        event.reschedule(clean.startsAt, clean.endsAt);
        apply(event, clean);
        flushOrRefuseSlug(clean.slug);
        Map<String, Object> after = EventRecords.snapshot(event);
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        for (String key : after.keySet()) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changedBefore.put(key, before.get(key));
                changedAfter.put(key, after.get(key));
            }
        }
        if (!changedAfter.isEmpty()) {
            audit.record("event.updated", "event", id, changedBefore, changedAfter).setEventId(id);
        }
    }

    // ------------------------------------------------------------------------------------------ status workflow

    /**
     * What must be done before this event can be published, one sentence each (empty: ready). Checked: it has not
     * ended, a venue for in-person and hybrid events, an online link for online and hybrid ones, ticketing's
     * condition ({@link EventTicketTypes#publishBlocker}), and that the person publishing has confirmed their email.
     */
    @RequiresPermission(Permission.VIEW)
    public List<String> missingForPublish(@EventRef UUID id) {
        return missing(EventRecords.existing(em, id));
    }

    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void publish(@EventRef UUID id) {
        Event event = EventRecords.existing(em, id);
        if (event.getStatus() != EventStatus.DRAFT) {
            throw new PublishRefusedException(List.of("Only a draft can be published; this event is "
                    + code(event.getStatus()) + "."));
        }
        List<String> missing = missing(event);
        if (!missing.isEmpty()) {
            throw new PublishRefusedException(missing);
        }
        event.publish(clock.instant());
        audit.record("event.published", "event", id, Map.of("status", "draft"),
                Map.of("status", "published", "slug", event.getSlug(), "visibility", code(event.getVisibility())))
                .setEventId(id);
    }

    /** Cancels a draft or published event; the reason (required) is shown on its public page. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void cancel(@EventRef UUID id, String reason) {
        Event event = EventRecords.existing(em, id);
        String clean = Inputs.trimToNull(reason);
        if (clean == null) {
            throw new EventInputException("cancelReason", "Say why the event is cancelled; attendees will read it.");
        }
        if (clean.length() > 1000) {
            throw new EventInputException("cancelReason", "Keep the reason to 1,000 characters.");
        }
        if (event.getStatus() == EventStatus.CANCELLED || event.getStatus() == EventStatus.COMPLETED) {
            throw new PublishRefusedException(List.of("This event is already " + code(event.getStatus()) + "."));
        }
        String before = code(event.getStatus());
        event.cancel(clean);
        audit.record("event.cancelled", "event", id, Map.of("status", before),
                Map.of("status", "cancelled", "reason", clean)).setEventId(id);
    }

    /** Marks a published event that has ended as completed. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void complete(@EventRef UUID id) {
        Event event = EventRecords.existing(em, id);
        if (event.getStatus() != EventStatus.PUBLISHED) {
            throw new PublishRefusedException(List.of("Only a published event can be marked completed."));
        }
        if (event.getEndsAt().isAfter(clock.instant())) {
            throw new PublishRefusedException(List.of("An event can be marked completed once it has ended."));
        }
        event.complete(clock.instant());
        audit.record("event.completed", "event", id, Map.of("status", "published"), Map.of("status", "completed"))
                .setEventId(id);
    }

    /**
     * Deletes a draft event with its agenda and ticket types; false if there is no such event in this account.
     * Anything past draft may have buyers and is cancelled instead, never deleted.
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
        if (!tickets.removeForDraft(id)) {
            throw new PublishRefusedException(List.of("This draft has orders or reservations, so it cannot be "
                    + "deleted; cancel it instead."));
        }
        Map<String, Object> before = EventRecords.snapshot(event);
        // session_speakers rows go with their sessions and speakers (on delete cascade)
        em.createQuery("delete from Session s where s.event = :event").setParameter("event", event).executeUpdate();
        em.createQuery("delete from Speaker s where s.event = :event").setParameter("event", event).executeUpdate();
        em.remove(event);
        em.flush();
        audit.record("event.deleted", "event", id, before, null).setEventId(id);
        return true;
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

    /** Creates a draft event (for tests and imports; the editor uses {@link #create}). */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public EventCard createDraft(String slug, String name, Instant startsAt, Instant endsAt, String timeZone,
                                 String currency) {
        Event event = new Event(slug, name, startsAt, endsAt, timeZone, currency);
        em.persist(event);
        em.flush();
        return EventCard.of(event);
    }

    // ----------------------------------------------------------------------------------------------- internals

    private EventDetails details(Event e) {
        ZoneId zone = ZoneId.of(e.getTimeZone());
        String accountSlug = accounts.currentProfile().slug();
        long seriesSize = e.getSeries() == null ? 0 : em.createQuery(
                        "select count(x) from Event x where x.series = :series", Long.class)
                .setParameter("series", e.getSeries()).getSingleResult();
        long sessions = em.createQuery("select count(s) from Session s where s.event = :event", Long.class)
                .setParameter("event", e).getSingleResult();
        return new EventDetails(e.getId(), e.getName(), e.getSlug(), e.getSummary(), e.getDescriptionHtml(),
                LocalDateTime.ofInstant(e.getStartsAt(), zone), LocalDateTime.ofInstant(e.getEndsAt(), zone),
                e.getTimeZone(), code(e.getFormat()), e.getVenue() == null ? null : e.getVenue().getId(),
                e.getVenue() == null ? null : e.getVenue().getName(), e.getOnlineUrl(), e.getCapacity(),
                code(e.getVisibility()), code(e.getStatus()), e.getCancelReason(), e.getPublishedAt(),
                e.getCoverMedia() == null ? null : MediaPaths.of(accountSlug, e.getCoverMedia().getId()),
                e.getSeries() == null ? null : e.getSeries().getId(),
                e.getSeries() == null ? null : e.getSeries().getName(), seriesSize, accountSlug, sessions,
                tickets.ticketTypeCount(e.getId()), e.getStatus() == EventStatus.DRAFT ? missing(e) : List.of());
    }

    private List<String> missing(Event event) {
        List<String> missing = new ArrayList<>();
        if (!event.getEndsAt().isAfter(clock.instant())) {
            missing.add("The event has already ended; move it to a future date.");
        }
        if (event.getFormat() != EventFormat.ONLINE && event.getVenue() == null) {
            missing.add("Choose a venue: in-person and hybrid events need one.");
        }
        if (event.getFormat() != EventFormat.IN_PERSON && SafeUrls.webLinkOrNull(event.getOnlineUrl()) == null) {
            missing.add("Add the online link: online and hybrid events need one.");
        }
        tickets.publishBlocker(event.getId()).ifPresent(missing::add);
        if (!accounts.isEmailVerified(CurrentTenant.user().orElse(null))) {
            missing.add("Confirm your email address: open the link we sent you (the dashboard can send it again).");
        }
        return missing;
    }

    private Clean validate(EventInput in, Event current) {
        List<InputProblem> problems = new ArrayList<>();
        Clean c = new Clean();
        c.name = Inputs.trimToNull(in.name());
        if (c.name == null) {
            problems.add(new InputProblem("name", "Enter the event's name."));
        } else if (Inputs.tooLong(c.name, 200)) {
            problems.add(new InputProblem("name", "Keep the name to 200 characters."));
        }
        String typedSlug = Inputs.trimToNull(in.slug());
        if (typedSlug == null) {
            c.slug = EventRecords.freeSlug(em, EventSlug.from(c.name), current == null ? null : current.getId());
        } else {
            c.slug = typedSlug.toLowerCase(Locale.ROOT);
            if (!EventSlug.isValid(c.slug)) {
                problems.add(new InputProblem("slug", "Use lower-case letters, digits and single dashes (at most "
                        + EventSlug.MAX_LENGTH + "), e.g. \"summer-party\"."));
            } else if (EventRecords.slugTaken(em, c.slug, current == null ? null : current.getId())) {
                problems.add(new InputProblem("slug", "Another event of this account already uses \"" + c.slug
                        + "\"; choose a different address."));
            }
        }
        c.summary = Inputs.trimToNull(in.summary());
        if (Inputs.tooLong(c.summary, 500)) {
            problems.add(new InputProblem("summary", "Keep the summary to 500 characters."));
        }
        String html = SafeHtml.sanitize(EditorHtml.normalize(in.descriptionHtml()));
        String text = SafeHtml.toText(html).strip();
        c.descriptionHtml = text.isEmpty() ? null : html;
        c.descriptionText = text.isEmpty() ? null : text;
        if (Inputs.tooLong(html, 100_000)) {
            problems.add(new InputProblem("description", "The description is too long; shorten it."));
        }
        c.timeZone = Inputs.zoneOrNull(in.timeZone());
        if (c.timeZone == null) {
            problems.add(new InputProblem("timeZone", "Choose a time zone such as Europe/Berlin or America/New_York."));
        }
        if (in.startsAt() == null) {
            problems.add(new InputProblem("startsAt", "Enter when the event starts."));
        }
        if (in.endsAt() == null) {
            problems.add(new InputProblem("endsAt", "Enter when the event ends."));
        }
        if (c.timeZone != null && in.startsAt() != null && in.endsAt() != null) {
            ZoneId zone = ZoneId.of(c.timeZone);
            c.startsAt = in.startsAt().atZone(zone).toInstant();
            c.endsAt = in.endsAt().atZone(zone).toInstant();
            if (!c.endsAt.isAfter(c.startsAt)) {
                problems.add(new InputProblem("endsAt", "The event must end after it starts."));
            }
        }
        c.format = enumOf(EventFormat.class, in.format());
        if (c.format == null) {
            problems.add(new InputProblem("format", "Choose in person, online or hybrid."));
        }
        if (in.venueId() != null && c.format != EventFormat.ONLINE) {
            c.venue = em.find(Venue.class, in.venueId());
            boolean keeping = current != null && current.getVenue() != null
                    && current.getVenue().getId().equals(in.venueId());
            if (c.venue == null) {
                problems.add(new InputProblem("venue", "Choose a venue from the list."));
            } else if (c.venue.getStatus() == VenueStatus.ARCHIVED && !keeping) {
                problems.add(new InputProblem("venue", "That venue is archived; choose an active one."));
            }
        }
        String url = Inputs.trimToNull(in.onlineUrl());
        if (url != null && c.format != EventFormat.IN_PERSON) {
            c.onlineUrl = SafeUrls.webLinkOrNull(url);
            if (c.onlineUrl == null || Inputs.tooLong(c.onlineUrl, 2000)) {
                problems.add(new InputProblem("onlineUrl", "Enter the online link as a web address starting with "
                        + "https://."));
            }
        }
        c.capacity = in.capacity();
        if (Inputs.badCapacity(c.capacity)) {
            problems.add(new InputProblem("capacity", "Enter a capacity between 0 and 1,000,000, or leave it empty."));
        }
        c.visibility = enumOf(EventVisibility.class, in.visibility());
        if (c.visibility == null) {
            problems.add(new InputProblem("visibility", "Choose public, unlisted or private."));
        }
        if (in.cover() != null && !in.cover().isEmpty()) {
            try {
                c.cover = MediaLibrary.image(in.cover(), "cover", MediaLibrary.MAX_COVER_BYTES);
            } catch (InputRefusedException refused) {
                problems.addAll(refused.problems());
            }
        }
        c.removeCover = in.removeCover();
        if (current != null && current.getStatus() == EventStatus.PUBLISHED && c.format != null) {
            // what publishing required stays required while the event is public
            if (c.format != EventFormat.ONLINE && c.venue == null && in.venueId() == null) {
                problems.add(new InputProblem("venue", "A published in-person or hybrid event needs a venue."));
            }
            if (c.format != EventFormat.IN_PERSON && url == null) {
                problems.add(new InputProblem("onlineUrl", "A published online or hybrid event needs its online "
                        + "link."));
            }
        }
        if (!problems.isEmpty()) {
            throw new EventInputException(problems);
        }
        return c;
    }

    private void apply(Event event, Clean c) {
        event.setSummary(c.summary);
        event.setDescriptionHtml(c.descriptionHtml);
        event.setDescriptionText(c.descriptionText);
        event.setFormat(c.format);
        event.setVenue(c.format == EventFormat.ONLINE ? null : c.venue);
        event.setOnlineUrl(c.format == EventFormat.IN_PERSON ? null : c.onlineUrl);
        event.setCapacity(c.capacity);
        event.setVisibility(c.visibility);
        if (c.cover != null) {
            em.persist(c.cover);
            event.setCoverMedia(c.cover);
        } else if (c.removeCover) {
            event.setCoverMedia(null);
        }
    }

    /** Flushes; a slug taken meanwhile by a concurrent save becomes the same message as a slug found taken. */
    private void flushOrRefuseSlug(String slug) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (String.valueOf(rootMessage(e)).contains("events_account_id_slug_key")) {
                throw new EventInputException("slug", "Another event of this account already uses \"" + slug
                        + "\"; choose a different address.");
            }
            throw e;
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    static String code(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Validated and trimmed editor input. */
    private static final class Clean {
        String name;
        String slug;
        String summary;
        String descriptionHtml;
        String descriptionText;
        String timeZone;
        Instant startsAt;
        Instant endsAt;
        EventFormat format;
        Venue venue;
        String onlineUrl;
        Integer capacity;
        EventVisibility visibility;
        Media cover;
        boolean removeCover;
    }
}
