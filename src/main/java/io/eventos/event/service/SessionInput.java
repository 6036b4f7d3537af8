package io.eventos.event.service;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What an organizer enters for an agenda session; {@code kind} is one of {@link #KINDS} (null means "talk"). Start and end are wall-clock times in the event's time zone
 * (the service turns them into instants), so a form or a drag on the schedule never has to know the zone's rules.
 */
public record SessionInput(String title, String description, String kind, String track, UUID roomId,
                           LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity, List<UUID> speakerIds) {

    /** The kinds of session, as the agenda names them. */
    public static final List<String> KINDS = List.of("talk", "workshop", "keynote", "break", "other");

    public SessionInput {
        speakerIds = speakerIds == null ? List.of() : List.copyOf(speakerIds);
    }

    /** The same session at other times (a drag or resize on the schedule). */
    public SessionInput at(LocalDateTime newStart, LocalDateTime newEnd) {
        return new SessionInput(title, description, kind, track, roomId, newStart, newEnd, capacity, speakerIds);
    }
}
