package io.eventos.event.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A session of an event's agenda with its room and speakers; {@code kind} is one of {@link SessionInput#KINDS}. */
public record AgendaSession(UUID id, String title, String description, String kind, String track, UUID roomId,
                            String roomName, Instant startsAt, Instant endsAt, Integer capacity,
                            List<AgendaSpeaker> speakers) {

    public AgendaSession {
        speakers = List.copyOf(speakers);
    }

    /** What an editor form starts from, with the times as wall-clock times in {@code zone}. */
    public SessionInput toInput(ZoneId zone) {
        return new SessionInput(title, description, kind, track, roomId,
                LocalDateTime.ofInstant(startsAt, zone), LocalDateTime.ofInstant(endsAt, zone), capacity,
                speakers.stream().map(AgendaSpeaker::id).toList());
    }

    public String speakerNames() {
        return speakers.stream().map(AgendaSpeaker::name).collect(Collectors.joining(", "));
    }
}
