package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the organizer's order list; null fields do not filter. Text matches code, buyer name or email. The
 * status is an order status, or {@link #REFUND_REQUESTED} for orders whose buyer waits for an answer.
 */
public record OrderFilter(UUID eventId, String status, UUID ticketId, Instant placedFrom, Instant placedUntil,
                          String text) {

    public static final String REFUND_REQUESTED = "refund_requested";

    public static OrderFilter forEvent(UUID eventId) {
        return new OrderFilter(eventId, null, null, null, null, null);
    }
}
