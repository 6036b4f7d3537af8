package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.UUID;

/** A ticket type as the public event page offers it. */
public record TicketOffer(UUID id, String name, String description, long priceMinor, String currency,
                          SalesState state, Instant salesStart, Instant salesEnd) {

    /** Where the ticket type is in its sales window (availability counts come with checkout). */
    public enum SalesState { ON_SALE, NOT_YET, ENDED, PAUSED }

    public boolean isFree() {
        return priceMinor == 0;
    }
}
