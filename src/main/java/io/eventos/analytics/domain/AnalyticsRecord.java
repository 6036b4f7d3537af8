package io.eventos.analytics.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tracked fact (granularity {@code FACT}) or an hourly/daily rollup of a metric, optionally for one event.
 * Table {@code analytics}.
 */
@Entity
@Table(name = "analytics")
public class AnalyticsRecord extends TenantEntity {

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "metric", nullable = false)
    private String metric;

    @Column(name = "granularity", nullable = false)
    private Granularity granularity;

    @Column(name = "bucket_start", nullable = false)
    private Instant bucketStart;

    @Column(name = "count", nullable = false)
    private long count = 1;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(name = "currency")
    private String currency;

    @Column(name = "dimensions", nullable = false)
    private String dimensionsJson = "{}";

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt = Instant.now();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected AnalyticsRecord() {
    }

    public AnalyticsRecord(UUID eventId, String metric, Granularity granularity, Instant bucketStart) {
        this.eventId = eventId;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.granularity = Objects.requireNonNull(granularity, "granularity");
        this.bucketStart = Objects.requireNonNull(bucketStart, "bucketStart");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getMetric() {
        return metric;
    }

    public Granularity getGranularity() {
        return granularity;
    }

    public Instant getBucketStart() {
        return bucketStart;
    }

    public long getCount() {
        return count;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public String getDimensionsJson() {
        return dimensionsJson;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setCount(long count) {
        this.count = count;
    }

    public void setAmountMinor(long amountMinor) {
        this.amountMinor = amountMinor;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public void setDimensionsJson(String dimensionsJson) {
        this.dimensionsJson = Objects.requireNonNull(dimensionsJson, "dimensionsJson");
    }

    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
