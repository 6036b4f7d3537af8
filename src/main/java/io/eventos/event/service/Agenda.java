package io.eventos.event.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An event's agenda: the rooms of its venue, its sessions (earliest first) and its speakers. */
public record Agenda(AgendaEvent event, List<AgendaRoom> rooms, List<AgendaSession> sessions,
                     List<AgendaSpeaker> speakers) {

    public Agenda {
        rooms = List.copyOf(rooms);
        sessions = List.copyOf(sessions);
        speakers = List.copyOf(speakers);
    }

    /** Sessions by the day they start on in the event's time zone, days in order, sessions earliest first. */
    public Map<LocalDate, List<AgendaSession>> byDay() {
        return sessions.stream().collect(Collectors.groupingBy(
                s -> s.startsAt().atZone(event.zone()).toLocalDate(), TreeMap::new, Collectors.toList()));
    }
}
