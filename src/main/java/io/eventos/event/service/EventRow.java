package io.eventos.event.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An event in the organizer's list. {@code sold} counts issued tickets (attendees); {@code capacity} may be null
 * (no limit set). {@code status} and {@code visibility} are the lower-case codes ("published", "unlisted").
 */
public record EventRow(UUID id, String slug, String name, Instant startsAt, Instant endsAt, ZoneId zone,
                       String venueName, String status, String visibility, Integer capacity, long sold) {
}
