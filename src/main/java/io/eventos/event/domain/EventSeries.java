package io.eventos.event.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * Events that belong together (e.g. a monthly meetup), with an optional recurrence rule.
 * Table {@code event_series}.
 */
@Entity
@Table(name = "event_series")
public class EventSeries extends TenantEntity {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "recurrence", nullable = false)
    private String recurrenceJson = "{}";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected EventSeries() {
    }

    public EventSeries(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public String getName() {
        return name;
    }

    public String getRecurrenceJson() {
        return recurrenceJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void setRecurrenceJson(String recurrenceJson) {
        this.recurrenceJson = Objects.requireNonNull(recurrenceJson, "recurrenceJson");
    }
}
