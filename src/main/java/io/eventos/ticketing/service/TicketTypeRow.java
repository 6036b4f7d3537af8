package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.UUID;

/** A ticket type with what is taken of it and its derived sales status, for the organizer's list and explainer. */
public record TicketTypeRow(UUID id, String name, String description, long priceMinor, String currency,
                            Integer quantity, Instant salesStart, Instant salesEnd, int minPerOrder, int maxPerOrder,
                            boolean hidden, int sortOrder, boolean paused, UUID capacityGroupId, String capacityGroup,
                            Stock.Counts counts, long available, Status status) {

    /** Derived from the type's settings, the clock and the stock; never typed in. */
    public enum Status {
        ON_SALE("On sale"), NOT_YET("Not on sale yet"), PAUSED("Paused"), SOLD_OUT("Sold out"), ENDED("Ended");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The form with this type's current values. */
    public TicketTypeForm form() {
        return new TicketTypeForm(name, description, priceMinor, quantity, salesStart, salesEnd, minPerOrder,
                maxPerOrder, hidden, sortOrder, paused, capacityGroupId);
    }
}
