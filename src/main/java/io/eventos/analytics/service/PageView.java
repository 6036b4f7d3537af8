package io.eventos.analytics.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One counter of the public pages: an account, optionally one of its events, a metric, a UTC day, a coarse
 * referrer (the host name of another site, or null for direct visits and links within the site) and the campaign
 * the link was tagged with (its {@code utm_source}, {@code utm_medium}, {@code utm_campaign}, each a short word or
 * null). Nothing in it identifies a person.
 */
public record PageView(UUID accountId, UUID eventId, String metric, Instant day, String referrerHost,
                       String utmSource, String utmMedium, String utmCampaign) {

    public PageView {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(day, "day");
    }

    public PageView(UUID accountId, UUID eventId, String metric, Instant day, String referrerHost) {
        this(accountId, eventId, metric, day, referrerHost, null, null, null);
    }
}
