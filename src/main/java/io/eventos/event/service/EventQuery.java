package io.eventos.event.service;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters and order of the organizer's events list. {@code text} is matched against name, summary and description
 * (full-text, every word as a prefix); {@code from}/{@code to} are days in each event's own time zone; any filter
 * may be null. {@code sort} is one of "name", "startsAt", "status", "venue" (default: start).
 */
public record EventQuery(String text, String status, UUID venueId, LocalDate from, LocalDate to, String sort,
                         boolean ascending) {

    public static EventQuery all() {
        return new EventQuery(null, null, null, null, null, "startsAt", true);
    }
}
