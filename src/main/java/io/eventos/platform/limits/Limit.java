package io.eventos.platform.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} events per key within any {@code window} (a sliding window): e.g. "3 password reset emails
 * per address and hour". The values live in {@link Limits}; {@link RateLimiter} counts against them.
 */
public record Limit(String name, int max, Duration window) {

    public Limit {
        Objects.requireNonNull(name, "name");
        if (max < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A limit needs at least one event and a positive window: " + name);
        }
    }
}
