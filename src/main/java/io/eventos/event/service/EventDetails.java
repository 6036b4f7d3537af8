package io.eventos.event.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An event as the editor shows it: times as wall-clock times in its zone, codes in lower case, the cover's URL
 * (relative to the context root), its series, and what is still missing before it can be published.
 */
public record EventDetails(UUID id, String name, String slug, String summary, String descriptionHtml,
                           LocalDateTime startsAt, LocalDateTime endsAt, String timeZone, String format,
                           UUID venueId, String venueName, String onlineUrl, Integer capacity, String visibility,
                           String status, String cancelReason, Instant publishedAt, String coverUrl, UUID seriesId,
                           String seriesName, long seriesSize, String accountSlug, long sessions, long ticketTypes,
                           List<String> missingForPublish) {

    public boolean isDraft() {
        return "draft".equals(status);
    }

    public boolean isPublished() {
        return "published".equals(status);
    }

    public boolean isCancelled() {
        return "cancelled".equals(status);
    }

    public boolean isCompleted() {
        return "completed".equals(status);
    }
}
