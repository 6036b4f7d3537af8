package io.eventos.event.service;

import io.eventos.event.domain.EventFormat;
import io.eventos.event.domain.EventStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** What the public event page shows; {@code descriptionHtml} is already sanitized. */
public record PublicEvent(UUID id, String slug, String name, String summary, String descriptionHtml,
                          Instant startsAt, Instant endsAt, ZoneId zone, EventFormat format, String onlineUrl,
                          EventStatus status, String cancelReason, String organizerEmail, PublicVenue venue,
                          List<AgendaItem> agenda) {

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    /** A venue as attendees see it. */
    public record PublicVenue(String name, String addressLine1, String addressLine2, String postalCode, String city,
                              String region, String country, String mapUrl, String accessibilityNotes) {
    }

    /** One agenda entry. */
    public record AgendaItem(UUID id, String title, String description, String kind, String track, String room,
                             Instant startsAt, Instant endsAt) {
    }
}
