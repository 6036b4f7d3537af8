package io.eventos.analytics.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Days from {@code from} to {@code to}, both included, in the account's time zone. */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period a dashboard or report covers. */
    public static final int MAX_DAYS = 731;

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The end date is before the start date.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("A period can be at most " + MAX_DAYS + " days long.");
        }
    }

    /** The last {@code days} days up to and including {@code today}. */
    public static Period last(int days, LocalDate today) {
        return new Period(today.minusDays(days - 1L), today);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one. */
    public Period previous() {
        return new Period(from.minusDays(days()), from.minusDays(1));
    }
}
