package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.UUID;

/** Filters of the organizer's order list; null fields do not filter. Text matches code, buyer name or email. */
public record OrderFilter(UUID eventId, String status, UUID ticketId, Instant placedFrom, Instant placedUntil,
                          String text) {

    public static OrderFilter forEvent(UUID eventId) {
        return new OrderFilter(eventId, null, null, null, null, null);
    }
}
