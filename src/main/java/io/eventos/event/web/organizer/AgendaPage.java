package io.eventos.event.web.organizer;

import io.eventos.event.service.Agenda;
import io.eventos.event.service.AgendaEvent;
import io.eventos.event.service.AgendaException;
import io.eventos.event.service.AgendaRoom;
import io.eventos.event.service.AgendaService;
import io.eventos.event.service.AgendaSession;
import io.eventos.event.service.AgendaSpeaker;
import io.eventos.event.service.SessionInput;
import io.eventos.event.service.SessionSaveResult;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.FieldMessages;
import io.eventos.platform.web.Formats;
import io.eventos.platform.web.Ids;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.event.SelectEvent;
import org.primefaces.event.schedule.ScheduleEntryMoveEvent;
import org.primefaces.event.schedule.ScheduleEntryResizeEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.DefaultScheduleModel;
import org.primefaces.model.ScheduleEvent;
import org.primefaces.model.ScheduleModel;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code /app/agenda.xhtml?event=<id>[&view=schedule&day=yyyy-MM-dd]}: an event's agenda as a list grouped by day
 * or as a schedule of one day, both in the event's time zone. Organizers who may change events add and edit
 * sessions in a dialog and drag or resize them on the schedule; overlap warnings are shown and must be confirmed.
 *
 * <p>The schedule shows wall-clock times of the event's zone: sessions go to PrimeFaces as {@link LocalDateTime}s
 * in that zone, and the component is told that both the server and the browser are in UTC, so it shifts nothing.
 * Moves come back as wall-clock times too and the service applies the zone's rules.
 */
@Named
@ViewScoped
public class AgendaPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter RANGE_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzzz", Locale.ENGLISH);

    @Inject
    transient AgendaService agendaService;

    // GET parameters
    private UUID event;
    private String view;
    private String day;

    // what the page shows
    private UUID eventId;
    private Agenda agenda;
    private List<DayGroup> days = List.of();
    private List<DayLink> dayLinks = List.of();
    private LocalDate scheduleDay;
    private ScheduleModel schedule = new DefaultScheduleModel();
    private String minTime = "08:00:00";
    private String maxTime = "19:00:00";
    private String eventDates;
    private String zoneLabel;

    // the session dialog
    private final SessionForm form = new SessionForm();
    private List<String> warnings = List.of();

    // a drag or resize waiting for the organizer to confirm its overlap warnings
    private PendingMove pendingMove;

    /** View action: loads the agenda, or answers 404 for an event that is not the member's to see. */
    public void load() throws IOException {
        eventId = event;
        if (eventId == null) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            reload();
        } catch (AccessDeniedException refused) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        AgendaEvent info = agenda.event();
        LocalDate wanted = parseDate(day);
        if (wanted == null || wanted.isBefore(info.firstDay()) || wanted.isAfter(info.lastDay())) {
            LocalDate today = LocalDate.now(info.zone());
            wanted = today.isBefore(info.firstDay()) || today.isAfter(info.lastDay()) ? info.firstDay() : today;
        }
        scheduleDay = wanted;
        eventDates = info.firstDay().equals(info.lastDay()) ? DAY.format(info.firstDay())
                : RANGE_DAY.format(info.firstDay()) + " – " + RANGE_DAY.format(info.lastDay());
        zoneLabel = info.zone().getId() + " (" + ZONE_NAME.format(info.startsAt().atZone(info.zone())) + ")";
        dayLinks = info.days().stream().map(d -> new DayLink(d.toString(), SHORT_DAY.format(d))).toList();
    }

    private void reload() {
        agenda = agendaService.agenda(eventId);
        AgendaEvent info = agenda.event();
        Map<LocalDate, List<AgendaSession>> byDay = new TreeMap<>(agenda.byDay());
        info.days().forEach(d -> byDay.putIfAbsent(d, List.of()));
        days = byDay.entrySet().stream().map(e -> new DayGroup(e.getKey().toString(), DAY.format(e.getKey()),
                e.getValue().stream().map(this::row).toList())).toList();
        buildSchedule();
    }

    private Row row(AgendaSession s) {
        var zone = agenda.event().zone();
        return new Row(s, Formats.TIME.format(s.startsAt().atZone(zone)) + "–" + Formats.TIME.format(s.endsAt().atZone(zone)),
                label(s.kind()));
    }

    private void buildSchedule() {
        var zone = agenda.event().zone();
        DefaultScheduleModel model = new DefaultScheduleModel();
        LocalTime earliest = LocalTime.of(9, 0);
        LocalTime latest = LocalTime.of(18, 0);
        for (AgendaSession s : agenda.sessions()) {
            LocalDateTime start = LocalDateTime.ofInstant(s.startsAt(), zone);
            LocalDateTime end = LocalDateTime.ofInstant(s.endsAt(), zone);
            if (start.toLocalTime().isBefore(earliest)) {
                earliest = start.toLocalTime();
            }
            if (end.toLocalDate().equals(start.toLocalDate()) && end.toLocalTime().isAfter(latest)) {
                latest = end.toLocalTime();
            } else if (!end.toLocalDate().equals(start.toLocalDate())) {
                latest = LocalTime.MAX;
            }
            model.addEvent(DefaultScheduleEvent.builder()
                    .id(s.id().toString())
                    .title(s.title() + (s.roomName() == null ? "" : " · " + s.roomName()))
                    .description(String.join(" · ", nonBlank(label(s.kind()), s.track(), s.speakerNames())))
                    .startDate(start)
                    .endDate(end)
                    .styleClass("agenda-kind-" + s.kind())
                    .overlapAllowed(true)
                    .build());
        }
        schedule = model;
        minTime = String.format(Locale.ROOT, "%02d:00:00", Math.max(0, earliest.getHour() - 1));
        maxTime = latest == LocalTime.MAX || latest.getHour() >= 23 ? "24:00:00"
                : String.format(Locale.ROOT, "%02d:00:00", latest.getHour() + 1 + (latest.getMinute() > 0 ? 1 : 0));
    }

    // ------------------------------------------------------------------------------------------ the dialog

    /** "Add session": an empty form on the shown day. */
    public void startNew(String onDay) {
        LocalDate date = parseDate(onDay);
        form.clear(date == null ? scheduleDay : date);
        warnings = List.of();
    }

    /** A click on an empty slot of the schedule: a new session starting there, an hour long. */
    public void onDateSelect(SelectEvent<LocalDateTime> selected) {
        LocalDateTime at = selected.getObject();
        form.clear(at.toLocalDate());
        form.start = Formats.TIME.format(at);
        form.end = Formats.TIME.format(at.plusHours(1));
        warnings = List.of();
        PrimeFaces.current().ajax().update("session-dialog");
        PrimeFaces.current().executeScript("PF('sessionDialog').show()");
    }

    /** A click on a session of the schedule. */
    public void onEventSelect(SelectEvent<ScheduleEvent<?>> selected) {
        edit(selected.getObject().getId());
        PrimeFaces.current().ajax().update("session-dialog");
        PrimeFaces.current().executeScript("PF('sessionDialog').show()");
    }

    /** "Edit": the form filled with the session. */
    public void edit(String sessionId) {
        UUID id = Ids.parse(sessionId);
        agenda.sessions().stream().filter(s -> s.id().equals(id)).findFirst()
                .ifPresent(s -> form.fill(s, s.toInput(agenda.event().zone())));
        warnings = List.of();
    }

    /** "Save": saves when the rules pass and nothing overlaps; otherwise shows why, keeping what was typed. */
    public void save() throws IOException {
        save(List.of());
    }

    /** "Save anyway": saves despite the overlap warnings just shown (as long as they are still the same). */
    public void saveAnyway() throws IOException {
        save(warnings);
    }

    private void save(List<String> confirmed) throws IOException {
        SessionInput input = form.toInput();
        if (input == null) {
            return; // a field message says what to fix
        }
        try {
            SessionSaveResult result = form.id == null
                    ? agendaService.createSession(eventId, input, confirmed)
                    : agendaService.updateSession(eventId, form.id, input, confirmed);
            if (!result.saved()) {
                warnings = result.warnings();
                return;
            }
            Messages.addFlashGlobalInfo((form.id == null ? "Added '" : "Saved '") + input.title().strip() + "'"
                    + (result.warnings().isEmpty() ? "." : " despite the overlap you confirmed."));
            redirectHere(input.startsAt().toLocalDate());
        } catch (AgendaException refused) {
            warnings = List.of();
            FieldMessages.show("session-form", refused);
        } catch (AccessDeniedException refused) {
            warnings = List.of();
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** "Delete" in the dialog (after a confirmation). */
    public void delete() throws IOException {
        if (form.id == null) {
            return;
        }
        try {
            agendaService.deleteSession(eventId, form.id);
            Messages.addFlashGlobalInfo("Deleted '" + form.title + "'.");
            redirectHere(scheduleDay);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ drag and resize

    public void onMove(ScheduleEntryMoveEvent moved) {
        move(moved.getScheduleEvent());
    }

    public void onResize(ScheduleEntryResizeEvent resized) {
        move(resized.getScheduleEvent());
    }

    /** PrimeFaces has already shifted the entry of the model; the service decides whether the new times stand. */
    private void move(ScheduleEvent<?> entry) {
        UUID id = Ids.parse(entry.getId());
        String title = titleOf(id);
        try {
            SessionSaveResult result = agendaService.moveSession(eventId, id, entry.getStartDate(),
                    entry.getEndDate(), List.of());
            if (result.saved()) {
                Messages.addGlobalInfo("Moved '" + title + "' to " + Formats.TIME.format(entry.getStartDate()) + "–"
                        + Formats.TIME.format(entry.getEndDate()) + ".");
                reload();
                PrimeFaces.current().ajax().update("agenda-growl");
            } else {
                pendingMove = new PendingMove(id, title, entry.getStartDate(), entry.getEndDate(), result.warnings());
                PrimeFaces.current().ajax().update("move-dialog");
                PrimeFaces.current().executeScript("PF('moveDialog').show()");
            }
        } catch (AgendaException | AccessDeniedException refused) {
            Messages.addGlobalError("'" + title + "' was not moved: " + refused.getMessage());
            reload();
            PrimeFaces.current().ajax().update("agenda-growl", "schedule-form:schedule");
        }
    }

    /** "Move anyway" in the overlap dialog. */
    public void confirmMove() throws IOException {
        PendingMove move = pendingMove;
        pendingMove = null;
        if (move == null) {
            return;
        }
        try {
            SessionSaveResult result = agendaService.moveSession(eventId, move.sessionId(), move.start(), move.end(),
                    move.warnings());
            if (result.saved()) {
                Messages.addFlashGlobalInfo("Moved '" + move.title() + "' to " + Formats.TIME.format(move.start()) + "–"
                        + Formats.TIME.format(move.end()) + " despite the overlap you confirmed.");
            } else {
                Messages.addFlashGlobalWarn("'" + move.title() + "' was not moved: the overlaps changed meanwhile. "
                        + String.join(" ", result.warnings()));
            }
        } catch (AgendaException | AccessDeniedException refused) {
            Messages.addFlashGlobalError("'" + move.title() + "' was not moved: " + refused.getMessage());
        }
        redirectHere(move.start().toLocalDate());
    }

    /** "Keep the old time": puts the session back where it was. */
    public void cancelMove() {
        pendingMove = null;
        reload();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String titleOf(UUID sessionId) {
        return agenda.sessions().stream().filter(s -> s.id().equals(sessionId)).map(AgendaSession::title)
                .findFirst().orElse("The session");
    }

    private void redirectHere(LocalDate onDay) throws IOException {
        String target = Faces.getRequestContextPath() + "/app/agenda.xhtml?event=" + eventId
                + (isScheduleView() ? "&view=schedule" : "")
                + (onDay == null ? "" : "&day=" + URLEncoder.encode(onDay.toString(), StandardCharsets.UTF_8));
        Faces.redirect(target);
    }

    private static String label(String kind) {
        return kind == null || kind.isEmpty() ? "" : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    private static String[] nonBlank(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toArray(String[]::new);
    }

    static LocalDate parseDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "9:30", "09:30" or "0930" as a time; null if it is none of those. */
    static LocalTime parseTime(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip().replace('.', ':');
        if (text.matches("\\d{3,4}")) {
            text = text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2);
        }
        if (!text.matches("\\d{1,2}:\\d{2}")) {
            return null;
        }
        String[] parts = text.split(":");
        int hour = Integer.parseInt(parts[0]);
        int minute = Integer.parseInt(parts[1]);
        if (hour == 24 && minute == 0) {
            return LocalTime.MAX; // "24:00": the end of the day
        }
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    // ------------------------------------------------------------------------------------------ view records

    /** One day of the list view. */
    public record DayGroup(String date, String label, List<Row> rows) {
    }

    /** One session of the list view, with its times written in the event's zone. */
    public record Row(AgendaSession session, String time, String kind) {
    }

    /** A link to one day of the schedule view. */
    public record DayLink(String date, String label) {
    }

    /** A drag or resize that would overlap, waiting for "Move anyway". */
    public record PendingMove(UUID sessionId, String title, LocalDateTime start, LocalDateTime end,
                              List<String> warnings) implements Serializable {
    }

    /** The fields of the session dialog, kept as typed (times as text) so nothing is lost when a rule refuses. */
    public static class SessionForm implements Serializable {
        private static final long serialVersionUID = 1L;

        private UUID id;
        private String title;
        private String description;
        private String kind = "talk";
        private String track;
        private String roomId;
        private LocalDate date;
        private String start;
        private String end;
        private Integer capacity;
        private List<String> speakerIds = new ArrayList<>();

        void clear(LocalDate onDay) {
            id = null;
            title = null;
            description = null;
            kind = "talk";
            track = null;
            roomId = null;
            date = onDay;
            start = null;
            end = null;
            capacity = null;
            speakerIds = new ArrayList<>();
        }

        void fill(AgendaSession session, SessionInput input) {
            id = session.id();
            title = input.title();
            description = input.description();
            kind = input.kind();
            track = input.track();
            roomId = input.roomId() == null ? null : input.roomId().toString();
            date = input.startsAt().toLocalDate();
            start = Formats.TIME.format(input.startsAt());
            end = input.endsAt().toLocalDate().equals(date) ? Formats.TIME.format(input.endsAt()) : "24:00";
            capacity = input.capacity();
            speakerIds = new ArrayList<>(input.speakerIds().stream().map(UUID::toString).toList());
        }

        /** The input for the service, or null after adding a message next to the field that cannot be read. */
        SessionInput toInput() {
            boolean ok = true;
            if (date == null) {
                Messages.addError("session-form:date", "Choose the day of the session.");
                ok = false;
            }
            LocalTime from = parseTime(start);
            if (from == null || from == LocalTime.MAX) {
                Messages.addError("session-form:start", "Enter the start time like 09:30.");
                ok = false;
            }
            LocalTime to = parseTime(end);
            if (to == null) {
                Messages.addError("session-form:end", "Enter the end time like 10:15.");
                ok = false;
            }
            if (!ok) {
                return null;
            }
            LocalDateTime startsAt = date.atTime(from);
            LocalDateTime endsAt = to == LocalTime.MAX ? date.plusDays(1).atStartOfDay() : date.atTime(to);
            return new SessionInput(title, description, kind, track, Ids.parse(roomId), startsAt, endsAt, capacity,
                    speakerIds.stream().map(Ids::parse).filter(java.util.Objects::nonNull).toList());
        }

        public boolean isNew() {
            return id == null;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getTrack() {
            return track;
        }

        public void setTrack(String track) {
            this.track = track;
        }

        public String getRoomId() {
            return roomId;
        }

        public void setRoomId(String roomId) {
            this.roomId = roomId;
        }

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start;
        }

        public String getEnd() {
            return end;
        }

        public void setEnd(String end) {
            this.end = end;
        }

        public Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(Integer capacity) {
            this.capacity = capacity;
        }

        public List<String> getSpeakerIds() {
            return speakerIds;
        }

        public void setSpeakerIds(List<String> speakerIds) {
            this.speakerIds = speakerIds == null ? new ArrayList<>() : new ArrayList<>(speakerIds);
        }
    }

    // ------------------------------------------------------------------------------------------ getters

    public boolean isScheduleView() {
        return "schedule".equals(view);
    }

    public List<String> getKinds() {
        return SessionInput.KINDS;
    }

    public String kindLabel(String kind) {
        return label(kind);
    }

    public List<AgendaRoom> getRooms() {
        return agenda == null ? List.of() : agenda.rooms();
    }

    public List<AgendaSpeaker> getSpeakers() {
        return agenda == null ? List.of() : agenda.speakers();
    }

    public AgendaEvent getInfo() {
        return agenda == null ? null : agenda.event();
    }

    public String getEventId() {
        return eventId == null ? null : eventId.toString();
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
    }

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = view;
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public List<DayGroup> getDays() {
        return days;
    }

    public List<DayLink> getDayLinks() {
        return dayLinks;
    }

    public String getScheduleDay() {
        return scheduleDay == null ? null : scheduleDay.toString();
    }

    public LocalDate getScheduleDate() {
        return scheduleDay;
    }

    public String getScheduleDayLabel() {
        return scheduleDay == null ? null : DAY.format(scheduleDay);
    }

    public ScheduleModel getSchedule() {
        return schedule;
    }

    public String getMinTime() {
        return minTime;
    }

    public String getMaxTime() {
        return maxTime;
    }

    public String getEventDates() {
        return eventDates;
    }

    public String getZoneLabel() {
        return zoneLabel;
    }

    public SessionForm getForm() {
        return form;
    }

    public List<String> getWarnings() {
        return warnings;
    }

    public PendingMove getPendingMove() {
        return pendingMove;
    }
}
