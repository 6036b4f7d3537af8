package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.UUID;

/**
 * An order just placed (or found again by its idempotency key). {@code accessToken} is the secret of the private
 * order page; it is known only at this moment (the database keeps its hash), or null when the order was found
 * again.
 */
public record PlacedOrder(UUID orderId, String code, String accessToken, String status, long totalMinor,
                          String currency, String paymentProvider, Instant paymentDeadline, boolean existing) {

    public boolean paid() {
        return "paid".equals(status);
    }
}
