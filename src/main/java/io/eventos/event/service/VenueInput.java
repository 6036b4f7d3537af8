package io.eventos.event.service;

import java.util.List;

/** What the venue editor sends: the venue's fields and its rooms as they should be after saving. */
public record VenueInput(String name, String addressLine1, String addressLine2, String postalCode, String city,
                         String region, String country, String timeZone, Integer capacity,
                         String accessibilityNotes, String mapUrl, List<RoomInput> rooms) {
}
