package io.eventos.event.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The agenda's overlap rule. Two sessions overlap when each starts before the other ends: times are half-open
 * intervals {@code [start, end)}, so 09:00–10:00 and 10:00–11:00 follow each other and do not overlap. Overlapping
 * sessions clash when they use the same room or share a speaker. A clash is a warning for the organizer (a room
 * can be shared on purpose, a speaker can join a panel late), not a refusal; the service saves only after the
 * organizer confirmed the warnings it named.
 */
public final class AgendaClashes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private AgendaClashes() {
    }

    /**
     * A session as the rule sees it.
     *
     * @param id       null for a session not saved yet
     * @param roomId   null when the session has no room
     * @param speakers speaker id to name
     * @param eventName set when the session belongs to another event than the one being planned (rooms are shared
     *                 by every event at the venue); null for the same event
     */
    public record Slot(UUID id, String title, UUID roomId, String roomName, Map<UUID, String> speakers,
                       Instant start, Instant end, String eventName) {
        public Slot {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            speakers = speakers == null ? Map.of() : Map.copyOf(speakers);
        }
    }

    /** What clashes: a room or a speaker. */
    public enum Kind { ROOM, SPEAKER }

    /** One clash with another session, and the sentence that says so. */
    public record Clash(Kind kind, UUID otherSessionId, String message) {
    }

    /** True if {@code [aStart, aEnd)} and {@code [bStart, bEnd)} share any moment. */
    public static boolean overlaps(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    /**
     * The clashes of {@code candidate} with {@code others} (the candidate itself, by id, is skipped), earliest other
     * session first; times in the messages are written in {@code zone}, the event's time zone, e.g.
     * "Loft is already used by 'Keynote' 09:00–10:00."
     */
    public static List<Clash> of(Slot candidate, Collection<Slot> others, ZoneId zone) {
        List<Clash> clashes = new ArrayList<>();
        List<Slot> sorted = others.stream().sorted(Comparator.comparing(Slot::start)).toList();
        for (Slot other : sorted) {
            if (candidate.id() != null && candidate.id().equals(other.id())) {
                continue;
            }
            if (!overlaps(candidate.start(), candidate.end(), other.start(), other.end())) {
                continue;
            }
            String when = when(candidate, other, zone);
            String what = "'" + other.title() + "'" + (other.eventName() == null ? "" : " (" + other.eventName() + ")");
            if (candidate.roomId() != null && candidate.roomId().equals(other.roomId())) {
                clashes.add(new Clash(Kind.ROOM, other.id(),
                        candidate.roomName() + " is already used by " + what + " " + when + "."));
            }
            candidate.speakers().entrySet().stream()
                    .filter(speaker -> other.speakers().containsKey(speaker.getKey()))
                    .map(Map.Entry::getValue)
                    .sorted()
                    .forEach(name -> clashes.add(new Clash(Kind.SPEAKER, other.id(),
                            name + " is already speaking in " + what + " " + when + ".")));
        }
        return clashes;
    }

    /** "09:00–10:00", with the day in front when the other session starts on another day than the candidate. */
    private static String when(Slot candidate, Slot other, ZoneId zone) {
        ZonedDateTime from = other.start().atZone(zone);
        ZonedDateTime to = other.end().atZone(zone);
        String range = TIME.format(from) + "–" + TIME.format(to);
        boolean sameDay = from.toLocalDate().equals(candidate.start().atZone(zone).toLocalDate())
                && to.toLocalDate().equals(from.toLocalDate());
        return sameDay ? range : DAY.format(from) + " " + TIME.format(from) + "–" + DAY.format(to) + " " + TIME.format(to);
    }
}
