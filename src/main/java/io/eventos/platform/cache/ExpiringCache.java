package io.eventos.platform.cache;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A small in-memory cache whose entries live for a fixed time, bounded in size. Made for public, read-only data
 * that many anonymous visitors ask for (an event page, an account's slug): a miss loads the value with the
 * caller's loader, a loader answering {@code null} caches nothing (so "not found" is always asked again).
 * Concurrent misses for one key may each load once; the last one stays.
 * <p>Optionally an entry is kept for a while after it expires ({@code staleFor}): {@link #getOrRefresh} then answers
 * the expired value at once and loads the new one in the background, once per key at a time, so that nobody waits
 * for a popular entry to be read again. {@link #invalidateIf} removes entries outright: what was invalidated is never
 * answered stale.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Keys being loaded in the background. */
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();
    /** Counts invalidations, so a background load that began before one does not put back what it read. */
    private final AtomicLong invalidations = new AtomicLong();
    private final long ttlNanos;
    private final long staleNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;

    public ExpiringCache(Duration ttl, int maxEntries) {
        this(ttl, Duration.ZERO, maxEntries, System::nanoTime);
    }

    /** A cache whose expired entries may still be answered for {@code staleFor} by {@link #getOrRefresh}. */
    public ExpiringCache(Duration ttl, Duration staleFor, int maxEntries) {
        this(ttl, staleFor, maxEntries, System::nanoTime);
    }

    ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this(ttl, Duration.ZERO, maxEntries, nanoClock);
    }

    ExpiringCache(Duration ttl, Duration staleFor, int maxEntries, LongSupplier nanoClock) {
        if (ttl.isNegative() || staleFor.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("A cache needs a time to live >= 0 and room for an entry");
        }
        this.ttlNanos = ttl.toNanos();
        this.staleNanos = staleFor.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** The cached value, or the loader's (cached unless it is null). */
    public V get(K key, Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(key, "key");
        long now = nanoClock.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (value == null) {
            entries.remove(key);
            return null;
        }
        if (ttlNanos > 0) {
            entries.put(key, new Entry<>(value, now + ttlNanos));
            if (entries.size() > maxEntries) {
                trim(now);
            }
        }
        return value;
    }

    /**
     * Like {@link #get}, but an entry expired less than {@code staleFor} ago is answered as it is while
     * {@code background} runs one load of the new value (a loader answering null then removes the entry). Should the
     * background refuse the task, the value is loaded here and now.
     */
    public V getOrRefresh(K key, Function<? super K, ? extends V> loader, Executor background) {
        V held = getIfHeld(key, loader, background);
        return held != null ? held : get(key, loader);
    }

    /**
     * Like {@link #getOrRefresh}, but loads nothing here and now: a fresh value; an expired one still within
     * {@code staleFor} (while {@code background} loads the new one, as there); else null.
     */
    public V getIfHeld(K key, Function<? super K, ? extends V> loader, Executor background) {
        Objects.requireNonNull(key, "key");
        long now = nanoClock.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.value();
        }
        if (entry != null && now - entry.expiresAt() - staleNanos < 0) {
            if (refreshing.add(key)) {
                try {
                    long generation = invalidations.get();
                    background.execute(() -> {
                        try {
                            V value = loader.apply(key);
                            if (value == null || invalidations.get() != generation) {
                                entries.remove(key);
                            } else {
                                put(key, value);
                            }
                        } finally {
                            refreshing.remove(key);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    refreshing.remove(key);
                    return null;
                }
            }
            return entry.value();
        }
        return null;
    }

    /** The cached value if there is a fresh one, else null (nothing is loaded). */
    public V getIfPresent(K key) {
        Entry<V> entry = entries.get(key);
        return entry != null && nanoClock.getAsLong() - entry.expiresAt() < 0 ? entry.value() : null;
    }

    /** Keeps {@code value} under {@code key} for the time to live. */
    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long now = nanoClock.getAsLong();
        entries.put(key, new Entry<>(value, now + ttlNanos));
        if (entries.size() > maxEntries) {
            trim(now);
        }
    }

    /**
     * Keeps {@code value} under {@code key} for the time to live, or, when a fresh value is there already, what
     * {@code remapping} makes of the two (e.g. {@code Math::max} for a number that only grows, so a value read
     * before a change cannot replace the newer one written after it). Returns the value kept.
     */
    public V merge(K key, V value, java.util.function.BinaryOperator<V> remapping) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long now = nanoClock.getAsLong();
        Entry<V> kept = entries.compute(key, (k, old) -> new Entry<>(
                old != null && now - old.expiresAt() < 0 ? remapping.apply(old.value(), value) : value,
                now + ttlNanos));
        if (entries.size() > maxEntries) {
            trim(now);
        }
        return kept.value();
    }

    /** Forgets the entry of {@code key} (a background load of it that began before does not put it back). */
    public void invalidate(K key) {
        invalidations.incrementAndGet();
        entries.remove(key);
    }

    /** Forgets the entries whose key matches. */
    public void invalidateIf(Predicate<? super K> matches) {
        invalidations.incrementAndGet();
        entries.keySet().removeIf(matches);
    }

    public void invalidateAll() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    /** Drops expired entries; if that is not enough, drops entries until a tenth of the room is free again. */
    private void trim(long now) {
        entries.values().removeIf(e -> now - e.expiresAt() - staleNanos >= 0);
        int target = maxEntries - Math.max(1, maxEntries / 10);
        Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
