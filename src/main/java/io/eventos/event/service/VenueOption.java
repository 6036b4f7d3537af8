package io.eventos.event.service;

import java.util.UUID;

/** A venue offered in the event editor, with its time zone (a new event there starts in it). */
public record VenueOption(UUID id, String label, String timeZone, boolean archived) {
}
