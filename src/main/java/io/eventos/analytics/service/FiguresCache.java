package io.eventos.analytics.service;

import io.eventos.platform.cache.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dashboards' and reports' figures of one view, kept until the rollups are refreshed again (docs/architecture.md,
 * "Dashboards and rollups"): the key holds the account, the member's event scope, what was asked (period, event) and
 * the account's {@code rollup_state.refreshed_at}, which every refresh round (30 s) moves on. So a kept figure is never
 * older than the rollups it was read from; what is read live beside them (page-view counters, tickets sold against
 * capacity, promo code use) may be up to one refresh round older than without it. A member limited to some events
 * never shares an entry with one who sees the account (the scope is in the key), and the permission check runs
 * before the cache is asked. {@value #SETTING} (EVENTOS_DASHBOARD_CACHE_SECONDS) bounds how long an entry lives,
 * 0 turns the cache off (the benchmark measures misses that way).
 */
@ApplicationScoped
public class FiguresCache {

    static final String SETTING = "eventos.dashboard.cache-seconds";
    static final int DEFAULT_SECONDS = 60;

    private final ExpiringCache<List<Object>, Object> entries;
    private final boolean on;

    public FiguresCache() {
        int seconds = ConfigProvider.getConfig().getOptionalValue(SETTING, Integer.class).orElse(DEFAULT_SECONDS);
        on = seconds > 0;
        entries = new ExpiringCache<>(Duration.ofSeconds(Math.max(0, seconds)), 5_000);
    }

    /** The value kept under {@code key}, or {@code load}'s (kept). */
    @SuppressWarnings("unchecked")
    <T> T get(List<Object> key, Supplier<T> load) {
        if (!on) {
            return load.get();
        }
        return (T) entries.get(key, k -> load.get());
    }
}
