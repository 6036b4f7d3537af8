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
    void mergeKeepsWhatTheFunctionChoosesWhileFreshAndTheNewValueOnceExpired() {
        var cache = new ExpiringCache<String, Long>(Duration.ofNanos(100), 10, now::get);
        assertThat(cache.merge("user", 3L, Math::max)).isEqualTo(3L);
        assertThat(cache.merge("user", 2L, Math::max)).as("an older value read meanwhile").isEqualTo(3L);
        assertThat(cache.getIfPresent("user")).isEqualTo(3L);
        now.addAndGet(100);
        assertThat(cache.getIfPresent("user")).isNull();
        assertThat(cache.merge("user", 2L, Math::max)).as("nothing fresh to merge with").isEqualTo(2L);
    }

    @Test
    void theCacheStaysWithinItsSize() {
        var cache = new ExpiringCache<Integer, String>(Duration.ofSeconds(1), 100, now::get);
        for (int i = 0; i < 1_000; i++) {
            cache.get(i, String::valueOf);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void anExpiredEntryIsAnsweredWhileOneBackgroundLoadRefreshesIt() {
        var cache = new ExpiringCache<String, String>(Duration.ofNanos(100), Duration.ofNanos(1_000), 10, now::get);
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        assertThat(cache.getOrRefresh("a", this::load, background::add)).isEqualTo("a#1");
        now.addAndGet(150);
        assertThat(cache.getOrRefresh("a", this::load, background::add)).as("stale, at once").isEqualTo("a#1");
        assertThat(cache.getOrRefresh("a", this::load, background::add)).isEqualTo("a#1");
        assertThat(background).as("one refresh per key at a time").hasSize(1);
        background.remove(0).run();
        assertThat(cache.getOrRefresh("a", this::load, background::add)).isEqualTo("a#2");
        assertThat(background).isEmpty();

        now.addAndGet(2_000); // beyond the stale window: loaded here and now
        assertThat(cache.getOrRefresh("a", this::load, background::add)).isEqualTo("a#3");
        assertThat(background).isEmpty();
    }

    @Test
    void whatIsHeldIsAnsweredFreshOrStaleButNothingIsLoadedHereAndNow() {
        var cache = new ExpiringCache<String, String>(Duration.ofNanos(100), Duration.ofNanos(1_000), 10, now::get);
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        assertThat(cache.getIfHeld("a", this::load, background::add)).as("absent: nothing loaded").isNull();
        assertThat(background).isEmpty();
        assertThat(cache.getOrRefresh("a", this::load, background::add)).isEqualTo("a#1");
        assertThat(cache.getIfHeld("a", this::load, background::add)).isEqualTo("a#1");
        now.addAndGet(150);
        assertThat(cache.getIfHeld("a", this::load, background::add)).as("stale, at once").isEqualTo("a#1");
        assertThat(background).as("refreshed in the background").hasSize(1);
        background.remove(0).run();
        assertThat(cache.getIfHeld("a", this::load, background::add)).isEqualTo("a#2");
        now.addAndGet(2_000);
        assertThat(cache.getIfHeld("a", this::load, background::add)).as("beyond the stale window").isNull();
        assertThat(background).isEmpty();
    }

    @Test
    void anInvalidatedEntryIsNeverAnsweredStaleNorPutBackByARefreshThatBeganBefore() {
        var cache = new ExpiringCache<String, String>(Duration.ofNanos(100), Duration.ofNanos(1_000), 10, now::get);
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        cache.getOrRefresh("a", this::load, background::add);
        now.addAndGet(150);
        cache.getOrRefresh("a", this::load, background::add);
        cache.invalidateIf(key -> true); // an organizer's edit commits while the refresh is on its way
        background.remove(0).run();
        assertThat(cache.size()).isZero();
        assertThat(cache.getOrRefresh("a", this::load, background::add)).isEqualTo("a#3");
    }

    @Test
    void aRefusedBackgroundLoadsHereAndNow() {
        var cache = new ExpiringCache<String, String>(Duration.ofNanos(100), Duration.ofNanos(1_000), 10, now::get);
        cache.getOrRefresh("a", this::load, Runnable::run);
        now.addAndGet(150);
        assertThat(cache.getOrRefresh("a", this::load, task -> {
            throw new java.util.concurrent.RejectedExecutionException("full");
        })).isEqualTo("a#2");
    }
}
