package io.eventos.event.domain;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * How an event series repeats. The n-th date is computed from the first one (not from the previous date), in the
 * event's local time: "monthly" from 31 January gives 28 (or 29) February, then 31 March again.
 */
public enum Repetition {
    WEEKLY,
    MONTHLY;

    /** The local start of the {@code n}-th repetition after {@code first} (n = 1 is the next date). */
    public LocalDateTime nth(LocalDateTime first, int n) {
        return switch (this) {
            case WEEKLY -> first.plusWeeks(n);
            case MONTHLY -> first.plusMonths(n);
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Repetition> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Repetition r : values()) {
            if (r.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
