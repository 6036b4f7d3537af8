package io.eventos.event.service;

import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** An event in a list: enough to show and link it. */
public record EventCard(UUID id, String slug, String name, String summary, Instant startsAt, Instant endsAt,
                        ZoneId zone, String venueName, EventStatus status) {

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    static EventCard of(Event e) {
        return new EventCard(e.getId(), e.getSlug(), e.getName(), e.getSummary(), e.getStartsAt(), e.getEndsAt(),
                ZoneId.of(e.getTimeZone()), e.getVenue() == null ? null : e.getVenue().getName(), e.getStatus());
    }
}
