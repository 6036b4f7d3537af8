package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A number of tickets of one type within an order, at the price charged.
 * Table {@code order_lines}.
 */
@Entity
@Table(name = "order_lines")
public class OrderLine extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    private Order order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false)
    private Ticket ticket;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    @Column(name = "discount_minor", nullable = false)
    private long discountMinor;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected OrderLine() {
    }

    protected OrderLine(Order order, Ticket ticket, int quantity, long unitPriceMinor, long discountMinor) {
        if (quantity <= 0 || unitPriceMinor < 0 || discountMinor < 0
                || discountMinor > Math.multiplyExact(unitPriceMinor, (long) quantity)) {
            throw new IllegalArgumentException("Invalid order line amounts");
        }
        this.order = Objects.requireNonNull(order, "order");
        this.ticket = Objects.requireNonNull(ticket, "ticket");
        this.quantity = quantity;
        this.unitPriceMinor = unitPriceMinor;
        this.discountMinor = discountMinor;
        this.totalMinor = Math.multiplyExact(unitPriceMinor, (long) quantity) - discountMinor;
    }

    public Order getOrder() {
        return order;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public int getQuantity() {
        return quantity;
    }

    public long getUnitPriceMinor() {
        return unitPriceMinor;
    }

    public long getDiscountMinor() {
        return discountMinor;
    }

    public long getTotalMinor() {
        return totalMinor;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
