package io.eventos.checkin.service;

import io.eventos.platform.cache.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A list's live counts, kept for {@value #SECONDS} s and shared by every scanner and organizer page polling that list:
 * counting reads every ticket of the list (~180 ms for 100,000 on this 2-core box, docs/benchmarks.md), and sixteen
 * kiosks polling every 5 s would otherwise spend half a core on it in the middle of the rush. Application-scoped on
 * purpose, like the public page cache: the entries are keyed by account, event and list (a key can never answer
 * another account's request), and hold only counts, shown to everyone who may scan or see that list.
 */
@ApplicationScoped
public class DoorCountsCache {

    static final int SECONDS = 3;

    private final ExpiringCache<Key, DoorCounts> cache = new ExpiringCache<>(Duration.ofSeconds(SECONDS), 2_000);

    private record Key(UUID account, UUID event, UUID list) {
    }

    /** Forgets every entry: for tests that read counts right after a scan. */
    void clear() {
        cache.invalidateAll();
    }

    DoorCounts get(UUID account, UUID event, UUID list, Supplier<DoorCounts> count) {
        return cache.get(new Key(account, event, list), k -> count.get());
    }
}
