package io.eventos.event.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.media.service.MediaUpload;
import io.eventos.media.service.MediaLibrary;
import io.eventos.account.service.AccountService;
import io.eventos.account.service.AuditLog;
import io.eventos.event.domain.AgendaClashes;
import io.eventos.event.domain.Event;
import io.eventos.media.domain.Media;
import io.eventos.event.domain.Session;
import io.eventos.event.domain.SessionKind;
import io.eventos.event.domain.SessionSpeaker;
import io.eventos.event.domain.Speaker;
import io.eventos.event.domain.VenueRoom;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.media.service.MediaPaths;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The agenda of one event: sessions (times, rooms of the event's venue, speakers) and the event's speakers.
 * Rules: a session ends after it starts and lies within the event's days in the event's time zone; its room
 * belongs to the event's venue; its speakers are the event's. Overlaps (same room, or a shared speaker, at the same
 * time; see {@link AgendaClashes}) are warnings: a save that would create one is not done but answered with the
 * warnings, and done when the caller passes back the warnings the organizer confirmed. Every change is audited
 * with the event's id.
 */
@Stateless
@TenantBound
public class AgendaService {

    static final int MAX_TITLE = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    AuditLog audit;
    @Inject
    AccountService accounts;

    /** The whole agenda in five queries, whatever its size. Another account's event is "not found". */
    @RequiresPermission(Permission.VIEW)
    public Agenda agenda(@EventRef UUID eventId) {
        Event event = event(eventId);
        AgendaEvent info = info(event);
        List<AgendaRoom> rooms = event.getVenue() == null ? List.of() : em.createQuery(
                        "select r from VenueRoom r where r.venue = :venue order by r.name", VenueRoom.class)
                .setParameter("venue", event.getVenue())
                .getResultStream()
                .map(r -> new AgendaRoom(r.getId(), r.getName(), r.getCapacity()))
                .toList();
        Map<UUID, AgendaSpeaker> speakers = speakers(event);
        Map<UUID, List<AgendaSpeaker>> speakersBySession = new HashMap<>();
        List<Object[]> links = em.createQuery("""
                        select ss.session.id, ss.speaker.id from SessionSpeaker ss
                        where ss.speaker.event = :event
                        order by ss.speaker.sortOrder, ss.speaker.name""", Object[].class)
                .setParameter("event", event)
                .getResultList();
        for (Object[] link : links) {
            AgendaSpeaker speaker = speakers.get((UUID) link[1]);
            if (speaker != null) {
                speakersBySession.computeIfAbsent((UUID) link[0], id -> new ArrayList<>()).add(speaker);
            }
        }
        List<AgendaSession> sessions = em.createQuery(
                        "select s from Session s left join fetch s.room where s.event = :event", Session.class)
                .setParameter("event", event)
                .getResultStream()
                .map(s -> view(s, speakersBySession.getOrDefault(s.getId(), List.of())))
                .sorted(Comparator.comparing(AgendaSession::startsAt)
                        .thenComparing(s -> s.roomName() == null ? "" : s.roomName())
                        .thenComparing(AgendaSession::title))
                .toList();
        return new Agenda(info, rooms, sessions, List.copyOf(speakers.values()));
    }

    /** Adds a session; see the class comment for the rules and the overlap warnings. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public SessionSaveResult createSession(@EventRef UUID eventId, SessionInput input, Collection<String> confirmed) {
        Event event = event(eventId);
        Checked checked = check(event, input);
        List<String> warnings = warnings(event, null, checked);
        if (!confirmedAll(warnings, confirmed)) {
            return SessionSaveResult.needsConfirmation(warnings);
        }
        Session session = new Session(event, checked.title, checked.start, checked.end);
        apply(session, input, checked);
        em.persist(session);
        for (Speaker speaker : checked.speakers) {
            em.persist(new SessionSpeaker(session, speaker));
        }
        record("session.created", session.getId(), event, null, snapshot(session, checked.speakers), warnings);
        return SessionSaveResult.saved(session.getId(), warnings);
    }

    /** Changes a session of this event (any other session id is "not found"). */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public SessionSaveResult updateSession(@EventRef UUID eventId, UUID sessionId, SessionInput input,
                                           Collection<String> confirmed) {
        Event event = event(eventId);
        Session session = session(event, sessionId);
        List<SessionSpeaker> links = links(session);
        Map<String, Object> before = snapshot(session, links.stream().map(SessionSpeaker::getSpeaker).toList());
        Checked checked = check(event, input);
        List<String> warnings = warnings(event, sessionId, checked);
        if (!confirmedAll(warnings, confirmed)) {
            return SessionSaveResult.needsConfirmation(warnings);
        }
        session.setTitle(checked.title);
        session.reschedule(checked.start, checked.end);
        apply(session, input, checked);
        Set<UUID> wanted = new HashSet<>();
        checked.speakers.forEach(s -> wanted.add(s.getId()));
        Set<UUID> kept = new HashSet<>();
        for (SessionSpeaker link : links) {
            if (wanted.contains(link.getSpeaker().getId())) {
                kept.add(link.getSpeaker().getId());
            } else {
                em.remove(link);
            }
        }
        for (Speaker speaker : checked.speakers) {
            if (!kept.contains(speaker.getId())) {
                em.persist(new SessionSpeaker(session, speaker));
            }
        }
        record("session.updated", sessionId, event, before, snapshot(session, checked.speakers), warnings);
        return SessionSaveResult.saved(sessionId, warnings);
    }

    /** Moves a session to other times, keeping everything else (a drag or a resize on the schedule). */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public SessionSaveResult moveSession(@EventRef UUID eventId, UUID sessionId, LocalDateTime startsAt,
                                         LocalDateTime endsAt, Collection<String> confirmed) {
        Event event = event(eventId);
        Session session = session(event, sessionId);
        ZoneId zone = ZoneId.of(event.getTimeZone());
        SessionInput current = new SessionInput(session.getTitle(), session.getDescription(), kindName(session.getKind()),
                session.getTrack(), session.getRoom() == null ? null : session.getRoom().getId(),
                LocalDateTime.ofInstant(session.getStartsAt(), zone), LocalDateTime.ofInstant(session.getEndsAt(), zone),
                session.getCapacity(), links(session).stream().map(l -> l.getSpeaker().getId()).toList());
        return updateSession(eventId, sessionId, current.at(startsAt, endsAt), confirmed);
    }

    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void deleteSession(@EventRef UUID eventId, UUID sessionId) {
        Event event = event(eventId);
        Session session = session(event, sessionId);
        List<SessionSpeaker> links = links(session);
        Map<String, Object> before = snapshot(session, links.stream().map(SessionSpeaker::getSpeaker).toList());
        links.forEach(em::remove);
        em.remove(session);
        record("session.deleted", sessionId, event, before, null, List.of());
    }

    /** One speaker of the event, for the speaker editor. */
    @RequiresPermission(Permission.VIEW)
    public AgendaSpeaker speaker(@EventRef UUID eventId, UUID speakerId) {
        Event event = event(eventId);
        return speakers(event).values().stream().filter(s -> s.id().equals(speakerId)).findFirst()
                .orElseThrow(AgendaService::notFound);
    }

    /** Adds a speaker, with a photo if {@code photo} is not empty. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public UUID createSpeaker(@EventRef UUID eventId, SpeakerInput input, MediaUpload photo) {
        Event event = event(eventId);
        String name = speakerName(input);
        Integer last = em.createQuery("select max(sp.sortOrder) from Speaker sp where sp.event = :event",
                Integer.class).setParameter("event", event).getSingleResult();
        Speaker speaker = new Speaker(event, name);
        speaker.setSortOrder(last == null ? 1 : last + 1);
        applySpeaker(speaker, input);
        if (photo != null && !photo.isEmpty()) {
            Media media = photo(photo);
            em.persist(media);
            speaker.setPhotoMedia(media);
        }
        em.persist(speaker);
        record("speaker.created", speaker.getId(), event, null, snapshot(speaker), List.of());
        return speaker.getId();
    }

    /** Changes a speaker; a non-empty {@code photo} replaces the photo, {@code removePhoto} drops it. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void updateSpeaker(@EventRef UUID eventId, UUID speakerId, SpeakerInput input, MediaUpload photo,
                              boolean removePhoto) {
        Event event = event(eventId);
        Speaker speaker = speakerEntity(event, speakerId);
        Map<String, Object> before = snapshot(speaker);
        speaker.setName(speakerName(input));
        applySpeaker(speaker, input);
        Media old = speaker.getPhotoMedia();
        if (photo != null && !photo.isEmpty()) {
            Media media = photo(photo);
            em.persist(media);
            speaker.setPhotoMedia(media);
        } else if (removePhoto) {
            speaker.setPhotoMedia(null);
        }
        if (old != null && speaker.getPhotoMedia() != old) {
            em.remove(old);
        }
        record("speaker.updated", speakerId, event, before, snapshot(speaker), List.of());
    }

    /** Removes a speaker from the event and from its sessions. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void deleteSpeaker(@EventRef UUID eventId, UUID speakerId) {
        Event event = event(eventId);
        Speaker speaker = speakerEntity(event, speakerId);
        Map<String, Object> before = snapshot(speaker);
        em.createQuery("select ss from SessionSpeaker ss where ss.speaker = :speaker", SessionSpeaker.class)
                .setParameter("speaker", speaker)
                .getResultList()
                .forEach(em::remove);
        Media photo = speaker.getPhotoMedia();
        em.remove(speaker);
        if (photo != null) {
            em.remove(photo);
        }
        record("speaker.deleted", speakerId, event, before, null, List.of());
    }

    // ------------------------------------------------------------------------------------------------- rules

    /** A session input that passed the rules, with its times as instants and its room and speakers loaded. */
    private record Checked(String title, Instant start, Instant end, VenueRoom room, List<Speaker> speakers,
                           ZoneId zone) {
    }

    private Checked check(Event event, SessionInput input) {
        if (input == null) {
            throw new AgendaException("title", "Enter a title.");
        }
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            throw new AgendaException("title", "Enter a title.");
        }
        if (title.length() > MAX_TITLE) {
            throw new AgendaException("title", "Keep the title to " + MAX_TITLE + " characters.");
        }
        if (input.startsAt() == null) {
            throw new AgendaException("start", "Enter when the session starts.");
        }
        if (input.endsAt() == null) {
            throw new AgendaException("end", "Enter when the session ends.");
        }
        ZoneId zone = ZoneId.of(event.getTimeZone());
        Instant start = input.startsAt().atZone(zone).toInstant();
        Instant end = input.endsAt().atZone(zone).toInstant();
        if (!end.isAfter(start)) {
            throw new AgendaException("end", "The session must end after it starts.");
        }
        AgendaEvent info = info(event);
        if (start.isBefore(info.windowStart()) || end.isAfter(info.windowEnd())) {
            String days = info.firstDay().equals(info.lastDay()) ? DAY.format(info.firstDay())
                    : DAY.format(info.firstDay()) + " – " + DAY.format(info.lastDay());
            throw new AgendaException(start.isBefore(info.windowStart()) || !start.isBefore(info.windowEnd())
                    ? "start" : "end",
                    "The session must take place during the event: " + days + " (" + zone.getId() + ").");
        }
        kind(input.kind());
        if (input.capacity() != null && input.capacity() < 0) {
            throw new AgendaException("capacity", "Capacity cannot be negative; leave it empty for no limit.");
        }
        VenueRoom room = null;
        if (input.roomId() != null) {
            if (event.getVenue() == null) {
                throw new AgendaException("room", "This event has no venue, so its sessions have no rooms.");
            }
            room = em.createQuery("select r from VenueRoom r where r.id = :id and r.venue = :venue", VenueRoom.class)
                    .setParameter("id", input.roomId())
                    .setParameter("venue", event.getVenue())
                    .getResultStream().findFirst()
                    .orElseThrow(() -> new AgendaException("room", "Choose one of the rooms of "
                            + event.getVenue().getName() + "."));
        }
        List<Speaker> speakers = List.of();
        Set<UUID> speakerIds = new LinkedHashSet<>(input.speakerIds());
        if (!speakerIds.isEmpty()) {
            speakers = em.createQuery("select sp from Speaker sp where sp.event = :event and sp.id in :ids "
                            + "order by sp.sortOrder, sp.name", Speaker.class)
                    .setParameter("event", event)
                    .setParameter("ids", speakerIds)
                    .getResultList();
            if (speakers.size() != speakerIds.size()) {
                throw new AgendaException("speakers", "A chosen speaker no longer exists; choose the speakers again.");
            }
        }
        return new Checked(title, start, end, room, speakers, zone);
    }

    /** The overlap warnings a session with these times, room and speakers would cause. */
    private List<String> warnings(Event event, UUID sessionId, Checked checked) {
        UUID room = checked.room == null ? new UUID(0, 0) : checked.room.getId();
        List<Object[]> rows = em.createQuery("""
                        select s.id, s.title, s.startsAt, s.endsAt, r.id, r.name, e.id, e.name
                        from Session s join s.event e left join s.room r
                        where s.startsAt < :end and s.endsAt > :start and (e = :event or r.id = :room)""",
                        Object[].class)
                .setParameter("start", checked.start)
                .setParameter("end", checked.end)
                .setParameter("event", event)
                .setParameter("room", room)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<UUID, String>> speakersOf = new HashMap<>();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        em.createQuery("""
                        select ss.session.id, sp.id, sp.name from SessionSpeaker ss join ss.speaker sp
                        where ss.session.id in :ids""", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> speakersOf.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put((UUID) r[1],
                        (String) r[2]));
        List<AgendaClashes.Slot> others = rows.stream().map(r -> new AgendaClashes.Slot((UUID) r[0], (String) r[1],
                (UUID) r[4], (String) r[5], speakersOf.get((UUID) r[0]), (Instant) r[2], (Instant) r[3],
                event.getId().equals(r[6]) ? null : (String) r[7])).toList();
        Map<UUID, String> mine = new LinkedHashMap<>();
        checked.speakers.forEach(s -> mine.put(s.getId(), s.getName()));
        AgendaClashes.Slot candidate = new AgendaClashes.Slot(sessionId, checked.title,
                checked.room == null ? null : checked.room.getId(), checked.room == null ? null : checked.room.getName(),
                mine, checked.start, checked.end, null);
        return AgendaClashes.of(candidate, others, checked.zone).stream().map(AgendaClashes.Clash::message).toList();
    }

    private static boolean confirmedAll(List<String> warnings, Collection<String> confirmed) {
        return warnings.isEmpty() || (confirmed != null && confirmed.containsAll(warnings));
    }

    private static void apply(Session session, SessionInput input, Checked checked) {
        session.setDescription(blankToNull(input.description()));
        session.setKind(kind(input.kind()));
        session.setTrack(blankToNull(input.track()));
        session.setRoom(checked.room);
        session.setCapacity(input.capacity());
    }

    private static SessionKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return SessionKind.TALK;
        }
        if (!SessionInput.KINDS.contains(kind)) {
            throw new AgendaException("kind", "Choose one of the kinds " + String.join(", ", SessionInput.KINDS) + ".");
        }
        return SessionKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    private static String kindName(SessionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String speakerName(SpeakerInput input) {
        String name = input == null || input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            throw new AgendaException("name", "Enter the speaker's name.");
        }
        if (name.length() > MAX_TITLE) {
            throw new AgendaException("name", "Keep the name to " + MAX_TITLE + " characters.");
        }
        return name;
    }

    private static void applySpeaker(Speaker speaker, SpeakerInput input) {
        speaker.setCompany(blankToNull(input.company()));
        speaker.setJobTitle(blankToNull(input.jobTitle()));
        speaker.setBio(blankToNull(input.bio()));
    }

    // ------------------------------------------------------------------------------------------------- loading

    private Event event(UUID eventId) {
        if (eventId == null) {
            throw notFound();
        }
        List<Event> found = em.createQuery("select e from Event e left join fetch e.venue where e.id = :id",
                Event.class).setParameter("id", eventId).getResultList();
        if (found.isEmpty()) {
            throw notFound();
        }
        return found.get(0);
    }

    private Session session(Event event, UUID sessionId) {
        return em.createQuery("select s from Session s left join fetch s.room where s.id = :id and s.event = :event",
                        Session.class)
                .setParameter("id", sessionId)
                .setParameter("event", event)
                .getResultStream().findFirst()
                .orElseThrow(AgendaService::notFound);
    }

    private Speaker speakerEntity(Event event, UUID speakerId) {
        return em.createQuery("select sp from Speaker sp where sp.id = :id and sp.event = :event", Speaker.class)
                .setParameter("id", speakerId)
                .setParameter("event", event)
                .getResultStream().findFirst()
                .orElseThrow(AgendaService::notFound);
    }

    private List<SessionSpeaker> links(Session session) {
        return em.createQuery("select ss from SessionSpeaker ss join fetch ss.speaker where ss.session = :session",
                        SessionSpeaker.class)
                .setParameter("session", session)
                .getResultList();
    }

    /**
     * Checks an uploaded speaker photo (the media library's formats, at most {@link MediaLibrary#MAX_PHOTO_BYTES})
     * and makes its media row; a refused one is an {@link AgendaException} for the "photo" field.
     */
    private static Media photo(MediaUpload photo) {
        try {
            return MediaLibrary.image(photo, "photo", MediaLibrary.MAX_PHOTO_BYTES);
        } catch (InputRefusedException refused) {
            throw new AgendaException("photo", refused.getMessage());
        }
    }

    /**
     * The event's speakers in their order, with their photo ids and public {@code /media/...} paths (one query, no
     * lazy loading per speaker).
     */
    private Map<UUID, AgendaSpeaker> speakers(Event event) {
        String accountSlug = accounts.currentProfile().slug();
        Map<UUID, AgendaSpeaker> speakers = new LinkedHashMap<>();
        em.createQuery("""
                        select sp, m.id from Speaker sp left join sp.photoMedia m
                        where sp.event = :event order by sp.sortOrder, sp.name""", Object[].class)
                .setParameter("event", event)
                .getResultList()
                .forEach(row -> {
                    Speaker sp = (Speaker) row[0];
                    speakers.put(sp.getId(), new AgendaSpeaker(sp.getId(), sp.getName(), sp.getCompany(),
                            sp.getJobTitle(), sp.getBio(), (UUID) row[1], MediaPaths.of(accountSlug, (UUID) row[1]),
                            sp.getSortOrder()));
                });
        return speakers;
    }

    private static AgendaEvent info(Event event) {
        return new AgendaEvent(event.getId(), event.getName(), event.getSlug(), event.getStartsAt(),
                event.getEndsAt(), ZoneId.of(event.getTimeZone()),
                event.getVenue() == null ? null : event.getVenue().getName());
    }

    private static AgendaSession view(Session s, List<AgendaSpeaker> speakers) {
        VenueRoom room = s.getRoom();
        return new AgendaSession(s.getId(), s.getTitle(), s.getDescription(), kindName(s.getKind()), s.getTrack(),
                room == null ? null : room.getId(), room == null ? null : room.getName(), s.getStartsAt(),
                s.getEndsAt(), s.getCapacity(), speakers);
    }

    private static AccessDeniedException notFound() {
        return new AccessDeniedException("Not found.");
    }

    // ------------------------------------------------------------------------------------------------- audit

    private void record(String action, UUID subjectId, Event event, Map<String, Object> before,
                        Map<String, Object> after, List<String> confirmedWarnings) {
        Map<String, Object> afterWithWarnings = after;
        if (after != null && !confirmedWarnings.isEmpty()) {
            afterWithWarnings = new LinkedHashMap<>(after);
            afterWithWarnings.put("confirmed_overlaps", confirmedWarnings);
        }
        String subject = action.substring(0, action.indexOf('.'));
        audit.record(action, subject, subjectId, before, afterWithWarnings).setEventId(event.getId());
    }

    private static Map<String, Object> snapshot(Session s, List<Speaker> speakers) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", s.getTitle());
        map.put("kind", kindName(s.getKind()));
        putIfSet(map, "track", s.getTrack());
        putIfSet(map, "room", s.getRoom() == null ? null : s.getRoom().getName());
        map.put("starts_at", s.getStartsAt().toString());
        map.put("ends_at", s.getEndsAt().toString());
        putIfSet(map, "capacity", s.getCapacity());
        map.put("speakers", speakers.stream().map(Speaker::getName).toList());
        return map;
    }

    private static Map<String, Object> snapshot(Speaker s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", s.getName());
        putIfSet(map, "company", s.getCompany());
        putIfSet(map, "job_title", s.getJobTitle());
        map.put("photo", s.getPhotoMedia() != null);
        return map;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
