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

/**
 * A charge or refund of an order at a payment provider.
 * Table {@code payments}.
 */
@Entity
@Table(name = "payments")
public class Payment extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    private Order order;

    @Column(name = "provider", nullable = false)
    private String provider;

    @Column(name = "provider_ref")
    private String providerRef;

    @Column(name = "kind", nullable = false)
    private PaymentKind kind;

    @Column(name = "status", nullable = false)
    private PaymentStatus status = PaymentStatus.PENDING;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Payment() {
    }

    public Payment(Order order, String provider, PaymentKind kind, long amountMinor, String currency) {
        this.order = Objects.requireNonNull(order, "order");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.amountMinor = amountMinor;
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public Order getOrder() {
        return order;
    }

    public String getProvider() {
        return provider;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public PaymentKind getKind() {
        return kind;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setProviderRef(String providerRef) {
        this.providerRef = providerRef;
    }

    public void setStatus(PaymentStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }
}
