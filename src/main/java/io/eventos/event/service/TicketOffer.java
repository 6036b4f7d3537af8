package io.eventos.event.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket type as the public pages offer it. {@code remaining} is how many can still be bought — the smallest room
 * of its own quantity, its shared capacity group and the event's capacity, less paid tickets, pending orders within
 * their payment deadline and active holds (the same count the checkout makes under its lock) — or null when nothing
 * limits it. {@code discountMinor} is what the applied promo code takes off one ticket of this type (0 without a code
 * or when the code does not discount it; a code's per-order limit may discount fewer tickets than bought).
 */
public record TicketOffer(UUID id, String name, String description, long priceMinor, String currency,
                          SalesState state, Instant salesStart, Instant salesEnd, Integer remaining,
                          int minPerOrder, int maxPerOrder, long discountMinor) {

    /** Where the ticket type is in its sales window. */
    public enum SalesState { ON_SALE, NOT_YET, ENDED, PAUSED }

    /** For callers that do not care about the per-order limits (1 to 10). */
    public TicketOffer(UUID id, String name, String description, long priceMinor, String currency, SalesState state,
                       Instant salesStart, Instant salesEnd, Integer remaining) {
        this(id, name, description, priceMinor, currency, state, salesStart, salesEnd, remaining, 1, 10, 0);
    }

    public boolean isFree() {
        return priceMinor == 0;
    }

    public boolean isSoldOut() {
        return remaining != null && remaining <= 0;
    }
}
