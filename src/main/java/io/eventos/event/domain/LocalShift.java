package io.eventos.event.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Moves times by a distance on the wall clock of one time zone, not on the UTC time line: an event at 19:00 in
 * New York moved by a week is at 19:00 again, also when daylight saving time starts or ends in between (the UTC
 * instant then moves by 167 or 169 hours). Used for clones and series; every time of an event (its start and end,
 * its sessions, its ticket sales windows) moves by the same shift, so they keep their local relations.
 */
public final class LocalShift {

    private final ZoneId zone;
    private final Duration wallClock;

    private LocalShift(ZoneId zone, Duration wallClock) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** The shift that takes the local time of {@code from} to {@code to} (both local times in {@code zone}). */
    public static LocalShift between(ZoneId zone, LocalDateTime from, LocalDateTime to) {
        return new LocalShift(zone, Duration.between(from, to));
    }

    /** No move at all. */
    public static LocalShift none(ZoneId zone) {
        return new LocalShift(zone, Duration.ZERO);
    }

    public Instant apply(Instant instant) {
        if (instant == null) {
            return null;
        }
        return LocalDateTime.ofInstant(instant, zone).plus(wallClock).atZone(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
