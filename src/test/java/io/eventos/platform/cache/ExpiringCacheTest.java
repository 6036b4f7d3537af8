package io.eventos.platform.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        loads.incrementAndGet();
        return key.equals("missing") ? null : key + "#" + loads.get();
    }

    @Test
    void aValueIsLoadedOnceUntilItExpires() {
        var cache = new ExpiringCache<String, String>(Duration.ofNanos(100), 10, now::get);
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        now.addAndGet(99);
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        now.addAndGet(1);
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void missesAreNotCached() {
        var cache = new ExpiringCache<String, String>(Duration.ofNanos(100), 10, now::get);
        assertThat(cache.get("missing", this::load)).isNull();
        assertThat(cache.get("missing", this::load)).isNull();
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void invalidatedEntriesAreLoadedAgain() {
        var cache = new ExpiringCache<String, String>(Duration.ofNanos(100), 10, now::get);
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.invalidateIf(key -> key.equals("a"));
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");
    }

    @Test
    void theCacheStaysWithinItsSize() {
        var cache = new ExpiringCache<Integer, String>(Duration.ofSeconds(1), 100, now::get);
        for (int i = 0; i < 1_000; i++) {
            cache.get(i, String::valueOf);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
}
