package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promo code in the organizer's list: what it does ({@code discount}, e.g. "20 % off", "€5.00 off", "Unlocks
 * hidden tickets"), the ticket types it is limited to (empty = all), how often it was used and its derived state.
 */
public record PromoCodeRow(UUID id, String code, String kind, Integer percentOff, Long amountOffMinor,
                           String discount, List<UUID> ticketIds, List<String> ticketNames, int usedCount,
                           Integer usageLimit, Integer perOrderLimit, Instant validFrom, Instant validUntil,
                           State state) {

    /** Derived from the validity window, the clock and the uses; never typed in. */
    public enum State {
        ACTIVE("active"), SCHEDULED("scheduled"), EXPIRED("expired"), USED_UP("used up");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "1 / 1", "3 / no limit". */
    public String usage() {
        return usedCount + " / " + (usageLimit == null ? "no limit" : usageLimit);
    }

    /** Never used: it may be deleted; a used code stays for the record and can only be ended. */
    public boolean deletable() {
        return usedCount == 0;
    }

    /** Not over yet: "End now" makes it expire at once. */
    public boolean endable() {
        return state != State.EXPIRED;
    }

    /** The form with this code's current values. */
    public PromoCodeForm form() {
        return new PromoCodeForm(code, kind, percentOff, amountOffMinor, ticketIds, usageLimit, perOrderLimit,
                validFrom, validUntil);
    }
}
