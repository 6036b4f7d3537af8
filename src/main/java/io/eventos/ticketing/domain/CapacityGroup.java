package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Capacity shared by several ticket types of one event (e.g. 500 seats for early bird and regular).
 * Table {@code capacity_groups}.
 */
@Entity
@Table(name = "capacity_groups")
public class CapacityGroup extends TenantEntity {

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "capacity", nullable = false)
    private int capacity;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected CapacityGroup() {
    }

    public CapacityGroup(UUID eventId, String name, int capacity) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.name = Objects.requireNonNull(name, "name");
        this.capacity = capacity;
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getName() {
        return name;
    }

    public int getCapacity() {
        return capacity;
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

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }
}
