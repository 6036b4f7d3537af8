package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.UUID;

/** One line of the organizer's order list; {@code refundRequested}: the buyer asked for a refund, not yet answered. */
public record OrderRow(UUID id, UUID eventId, String code, String buyerName, String buyerEmail, String status,
                       long totalMinor, long refundedMinor, String currency, int tickets, String paymentProvider,
                       Instant placedAt, Instant paymentDeadline, boolean refundRequested) {
}
