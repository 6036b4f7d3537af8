package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket type as the organizer edits it. {@code quantity} null = unlimited (then the event's capacity and the
 * capacity group still apply); {@code capacityGroupId} null = no shared capacity.
 */
public record TicketTypeForm(String name, String description, long priceMinor, Integer quantity, Instant salesStart,
                             Instant salesEnd, int minPerOrder, int maxPerOrder, boolean hidden, int sortOrder,
                             boolean paused, UUID capacityGroupId) {
}
