package io.eventos.crm.service;

import io.eventos.platform.cache.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Whether a tag is common among an account's contacts ({@link ContactService#COMMON_TAG_SHARE} or more, by the
 * planner's statistics), kept for {@value #SECONDS} s per account and tag. A search with a tag asks it twice a request
 * (for the count and for the page) and again at every keystroke; the share moves with imports and bulk tagging,
 * slowly, and only decides how the tag is tested, never which contacts match. Application-scoped like the door counts:
 * keyed by account, holding a yes or no.
 */
@ApplicationScoped
public class ContactTagShares {

    static final int SECONDS = 60;

    private final ExpiringCache<Key, Boolean> cache = new ExpiringCache<>(Duration.ofSeconds(SECONDS), 10_000);

    private record Key(UUID account, String tag) {
    }

    boolean common(UUID account, String tag, Supplier<Boolean> estimate) {
        return cache.get(new Key(account, tag), k -> estimate.get());
    }
}
