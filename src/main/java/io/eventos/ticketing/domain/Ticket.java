package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket type of an event (what is sold): price, quantity (null = unlimited), sales window and per-order limits.
 * One issued ticket is an {@link Attendee}.
 * Table {@code tickets}.
 */
@Entity
@Table(name = "tickets")
public class Ticket extends TenantEntity {

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "capacity_group_id")
    private CapacityGroup capacityGroup;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "quantity")
    private Integer quantity;

    @Column(name = "sales_start")
    private Instant salesStart;

    @Column(name = "sales_end")
    private Instant salesEnd;

    @Column(name = "min_per_order", nullable = false)
    private int minPerOrder = 1;

    @Column(name = "max_per_order", nullable = false)
    private int maxPerOrder = 10;

    @Column(name = "visibility", nullable = false)
    private TicketVisibility visibility = TicketVisibility.VISIBLE;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "paused", nullable = false)
    private boolean paused;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Ticket() {
    }

    public Ticket(UUID eventId, String name, long priceMinor, String currency) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.name = Objects.requireNonNull(name, "name");
        this.priceMinor = priceMinor;
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /** Sets the per-order limits; at least one ticket, and the minimum may not exceed the maximum. */
    public void setPerOrderLimits(int minPerOrder, int maxPerOrder) {
        if (minPerOrder < 1 || minPerOrder > maxPerOrder) {
            throw new IllegalArgumentException("Per-order limits must satisfy 1 <= min <= max");
        }
        this.minPerOrder = minPerOrder;
        this.maxPerOrder = maxPerOrder;
    }

    public UUID getEventId() {
        return eventId;
    }

    public CapacityGroup getCapacityGroup() {
        return capacityGroup;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public long getPriceMinor() {
        return priceMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public Instant getSalesStart() {
        return salesStart;
    }

    public Instant getSalesEnd() {
        return salesEnd;
    }

    public int getMinPerOrder() {
        return minPerOrder;
    }

    public int getMaxPerOrder() {
        return maxPerOrder;
    }

    public TicketVisibility getVisibility() {
        return visibility;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isPaused() {
        return paused;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setCapacityGroup(CapacityGroup capacityGroup) {
        this.capacityGroup = capacityGroup;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public void setPriceMinor(long priceMinor) {
        this.priceMinor = priceMinor;
    }

    public void setCurrency(String currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public void setSalesStart(Instant salesStart) {
        this.salesStart = salesStart;
    }

    public void setSalesEnd(Instant salesEnd) {
        this.salesEnd = salesEnd;
    }

    public void setVisibility(TicketVisibility visibility) {
        this.visibility = Objects.requireNonNull(visibility, "visibility");
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }
}
