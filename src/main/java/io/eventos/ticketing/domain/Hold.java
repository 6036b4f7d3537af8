package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A checkout's reservation of tickets: it counts against capacity while active and before {@code expiresAt}, so
 * correctness never depends on a cleanup job. Owns its lines.
 * Table {@code holds}.
 */
@Entity
@Table(name = "holds")
public class Hold extends TenantEntity {

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "token", nullable = false)
    private String token;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "promo_code_id")
    private PromoCode promoCode;

    @Column(name = "status", nullable = false)
    private HoldStatus status = HoldStatus.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @OneToMany(mappedBy = "hold", fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    private List<HoldLine> lines = new ArrayList<>();

    protected Hold() {
    }

    public Hold(UUID eventId, String token, Instant expiresAt) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.token = Objects.requireNonNull(token, "token");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /** Adds a line for {@code quantity} tickets of a type. */
    public HoldLine addLine(Ticket ticket, int quantity) {
        HoldLine line = new HoldLine(this, ticket, quantity);
        lines.add(line);
        return line;
    }

    /** Active and not yet expired at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return status == HoldStatus.ACTIVE && expiresAt.isAfter(now);
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getToken() {
        return token;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public PromoCode getPromoCode() {
        return promoCode;
    }

    public HoldStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<HoldLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public void setPromoCode(PromoCode promoCode) {
        this.promoCode = promoCode;
    }

    public void setStatus(HoldStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }
}
