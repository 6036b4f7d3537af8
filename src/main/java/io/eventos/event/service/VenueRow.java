package io.eventos.event.service;

import java.util.UUID;

/** A venue in the list. */
public record VenueRow(UUID id, String name, String city, String country, String timeZone, Integer capacity,
                       long rooms, long events, boolean archived) {
}
