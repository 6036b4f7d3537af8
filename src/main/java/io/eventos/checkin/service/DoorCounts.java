package io.eventos.checkin.service;

import java.util.List;

/**
 * A list's live figures: tickets it admits (expected), how many came in at least once (checked in), how many are
 * inside now (in entry/exit mode: entered and not left), and the same per ticket type.
 */
public record DoorCounts(long expected, long checkedIn, long inside, List<TypeCount> byType) {

    public record TypeCount(String ticketType, long expected, long checkedIn, long inside) {
    }

    /** Whole percent checked in, 0 when nothing is expected. */
    public int percent() {
        return expected == 0 ? 0 : (int) Math.min(100, checkedIn * 100 / expected);
    }
}
