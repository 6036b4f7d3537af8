package io.eventos.event.service;

import java.util.List;
import java.util.UUID;

/**
 * A venue for the editor. {@code mapUrl} is what the organizer typed (null when the link is the one generated from
 * the address), {@code mapLink} the link visitors get; {@code eventsUsing} counts the events at this venue.
 */
public record VenueDetails(UUID id, String name, String addressLine1, String addressLine2, String postalCode,
                           String city, String region, String country, String timeZone, Integer capacity,
                           String accessibilityNotes, String mapUrl, String mapLink, boolean archived,
                           List<RoomInput> rooms, long eventsUsing) {
}
