package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket type as the public event page offers it. {@code remaining} is how many can still be bought (its own
 * quantity and its shared capacity group, less paid orders, pending orders within their payment deadline and
 * active holds), or null when neither limits it.
 */
public record TicketOffer(UUID id, String name, String description, long priceMinor, String currency,
                          SalesState state, Instant salesStart, Instant salesEnd, Integer remaining) {

    /** Where the ticket type is in its sales window. */
    public enum SalesState { ON_SALE, NOT_YET, ENDED, PAUSED }

    public boolean isFree() {
        return priceMinor == 0;
    }

    public boolean isSoldOut() {
        return remaining != null && remaining <= 0;
    }
}
