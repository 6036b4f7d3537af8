package io.eventos.platform.limits;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per {@link Limit} and key (a client address, an email address) in a sliding window: an attempt is
 * allowed while fewer than {@code max} events of the key lie within the last {@code window}, and a refusal says when
 * the oldest of them leaves it. Kept in the memory of this instance, bounded in size (at most {@value #MAX_KEYS}
 * keys; expired ones go first), so a restart forgets and each instance of a cluster counts for itself
 * (docs/security.md, "Known limits"). A null key is never limited: there is nothing to count it by.
 * <p>The one rate-limit mechanism of the application: the sign-in throttle's per-address count, password reset,
 * "find my orders", sign-up and the addresses typed at checkout all count here, with the limits of {@link Limits}.
 */
@ApplicationScoped
public class RateLimiter {

    static final int MAX_KEYS = 100_000;

    private record Key(String limit, String key) {
    }

    /** Event times in epoch milliseconds, oldest first, at most the limit's max; dropped once the newest expired. */
    private record Events(long[] times, long expiresAt) {
    }

    private final ConcurrentHashMap<Key, Events> events = new ConcurrentHashMap<>();

    private final Clock clock;

    public RateLimiter() {
        this(Clock.systemUTC());
    }

    /** A limiter that reads the time from {@code clock} (tests). */
    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one attempt if the limit allows it now. Empty: allowed (and counted); otherwise how long until the
     * next attempt will be allowed (nothing counted).
     */
    public Optional<Duration> tryAcquire(Limit limit, String key) {
        if (key == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        long[] refusedFor = {0};
        events.compute(new Key(limit.name(), key), (k, current) -> {
            long[] live = live(current, limit, now);
            if (live.length >= limit.max()) {
                refusedFor[0] = waitMillis(live, limit, now);
                return live.length == 0 ? null : new Events(live, live[live.length - 1] + limit.window().toMillis());
            }
            return append(live, now, limit);
        });
        trimIfFull(now);
        return refusedFor[0] > 0 ? Optional.of(Duration.ofMillis(refusedFor[0])) : Optional.empty();
    }

    /** Counts one event whatever the limit says (e.g. a failed sign-in that did happen). */
    public void record(Limit limit, String key) {
        if (key == null) {
            return;
        }
        long now = clock.millis();
        events.compute(new Key(limit.name(), key), (k, current) -> append(live(current, limit, now), now, limit));
        trimIfFull(now);
    }

    /** How long until an attempt would be allowed; empty if it would be now. Counts nothing. */
    public Optional<Duration> waitFor(Limit limit, String key) {
        if (key == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        Events current = events.get(new Key(limit.name(), key));
        long[] live = live(current, limit, now);
        return live.length >= limit.max() ? Optional.of(Duration.ofMillis(waitMillis(live, limit, now)))
                : Optional.empty();
    }

    /** Forgets the events of this key (e.g. after a successful sign-in, if a limit should start afresh). */
    public void forget(Limit limit, String key) {
        if (key != null) {
            events.remove(new Key(limit.name(), key));
        }
    }

    /** The events still inside the window, oldest first. */
    private static long[] live(Events current, Limit limit, long now) {
        if (current == null) {
            return new long[0];
        }
        long since = now - limit.window().toMillis();
        long[] times = current.times();
        int first = 0;
        while (first < times.length && times[first] <= since) {
            first++;
        }
        return first == 0 ? times : Arrays.copyOfRange(times, first, times.length);
    }

    /** Until the oldest of the last {@code max} events leaves the window (at least a millisecond). */
    private static long waitMillis(long[] live, Limit limit, long now) {
        long oldestCounted = live[live.length - limit.max()];
        return Math.max(1, oldestCounted + limit.window().toMillis() - now);
    }

    /** The events with {@code now} added, keeping the newest {@code max}. */
    private static Events append(long[] live, long now, Limit limit) {
        int keep = Math.min(live.length, limit.max() - 1);
        long[] times = new long[keep + 1];
        System.arraycopy(live, live.length - keep, times, 0, keep);
        times[keep] = now;
        return new Events(times, now + limit.window().toMillis());
    }

    /** Over {@value #MAX_KEYS} keys: drop expired ones; if that is not enough, any until a tenth is free again. */
    private void trimIfFull(long now) {
        if (events.size() <= MAX_KEYS) {
            return;
        }
        events.values().removeIf(e -> e.expiresAt() <= now);
        Iterator<Key> keys = events.keySet().iterator();
        while (events.size() > MAX_KEYS - MAX_KEYS / 10 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    int size() {
        return events.size();
    }
}
