package io.eventos.event.service;

import io.eventos.event.domain.EventFormat;
import io.eventos.event.domain.EventStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What the public event page shows; {@code descriptionHtml} is already sanitized and the venue's map link is a
 * plain web link or null. The online link is not public (attendees get it with their tickets). {@code unlisted}:
 * reachable by its link but kept out of lists and search engines.
 */
public record PublicEvent(UUID id, String slug, String name, String summary, String descriptionHtml,
                          Instant startsAt, Instant endsAt, ZoneId zone, EventFormat format,
                          EventStatus status, String cancelReason, String organizerEmail, PublicVenue venue,
                          List<AgendaItem> agenda, boolean unlisted) {

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    /** "Online event" / "In person and online", or null for an event in person only. */
    public String formatLabel() {
        return switch (format) {
            case ONLINE -> "Online event";
            case HYBRID -> "In person and online";
            case IN_PERSON -> null;
        };
    }

    /** Online only: no place to go to. */
    public boolean isOnlineOnly() {
        return format == EventFormat.ONLINE;
    }

    /** In person and online. */
    public boolean isHybrid() {
        return format == EventFormat.HYBRID;
    }

    /** Over: completed by the organizer, or past its end. */
    public boolean hasEnded(Instant now) {
        return status == EventStatus.COMPLETED || !endsAt.isAfter(now);
    }

    /** A venue as attendees see it. */
    public record PublicVenue(String name, String addressLine1, String addressLine2, String postalCode, String city,
                              String region, String country, String mapUrl, String accessibilityNotes) {
    }

    /** One agenda entry; {@code kind} is the session kind's name (TALK, WORKSHOP, KEYNOTE, BREAK, OTHER). */
    public record AgendaItem(UUID id, String title, String description, String kind, String track, String room,
                             Instant startsAt, Instant endsAt, List<AgendaSpeaker> speakers) {
    }

    /** A speaker of an agenda entry. */
    public record AgendaSpeaker(String name, String company, String jobTitle) {
    }
}
