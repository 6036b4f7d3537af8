package io.eventos.event.service;

import io.eventos.media.service.MediaUpload;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * What the event editor sends. Start and end are wall-clock times in {@code timeZone} (an IANA zone id);
 * {@code format} is "in_person", "online" or "hybrid", {@code visibility} "public", "unlisted" or "private".
 * An empty {@code slug} is made from the name. {@code cover} is a new cover image (or null to keep the current
 * one); {@code removeCover} drops the current one.
 */
public record EventInput(String name, String slug, String summary, String descriptionHtml, LocalDateTime startsAt,
                         LocalDateTime endsAt, String timeZone, String format, UUID venueId, String onlineUrl,
                         Integer capacity, String visibility, MediaUpload cover, boolean removeCover) {
}
