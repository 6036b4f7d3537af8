package io.eventos.analytics.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One counter of the public pages: an account, optionally one of its events, a metric, a UTC day and a coarse
 * referrer (the host name of another site, or null for direct visits and links within the site). Nothing in it
 * identifies a person.
 */
public record PageView(UUID accountId, UUID eventId, String metric, Instant day, String referrerHost) {

    public PageView {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(day, "day");
    }
}
