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
 * A promo code of an event (case-insensitive, unique per event): a discount or the key to hidden ticket types.
 * Table {@code promo_codes}.
 */
@Entity
@Table(name = "promo_codes")
public class PromoCode extends TenantEntity {

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "code", nullable = false)
    private String code;

    @Column(name = "kind", nullable = false)
    private PromoCodeKind kind;

    @Column(name = "percent_off")
    private Integer percentOff;

    @Column(name = "amount_off_minor")
    private Long amountOffMinor;

    @Column(name = "usage_limit")
    private Integer usageLimit;

    @Column(name = "per_order_limit")
    private Integer perOrderLimit;

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "applies_to")
    private String appliesToJson;

    @Column(name = "used_count", nullable = false)
    private int usedCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected PromoCode() {
    }

    public PromoCode(UUID eventId, String code, PromoCodeKind kind) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.code = Objects.requireNonNull(code, "code");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /** True if the code concerns this ticket type (a code without a list concerns every type of the event). */
    public boolean appliesTo(UUID ticketId) {
        if (appliesToJson == null || appliesToJson.isBlank()) {
            return true;
        }
        // a JSON array of ticket ids: the ids are UUIDs, so finding the quoted id is exact
        return appliesToJson.contains("\"" + ticketId + "\"");
    }

    /**
     * True if the code opens this hidden ticket type: only a code that names the type in its list does. A code for
     * "every ticket type" discounts the types people can see; it does not open hidden ones to anyone who has it.
     */
    public boolean unlocks(UUID ticketId) {
        return appliesToJson != null && !appliesToJson.isBlank() && appliesTo(ticketId);
    }

    /** Why the code cannot be used at {@code now}, or null if it can: not yet valid, expired or used up. */
    public String unusableReason(Instant now) {
        if (validFrom != null && now.isBefore(validFrom)) {
            return "This code is not valid yet.";
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            return "This code has expired.";
        }
        if (usageLimit != null && usedCount >= usageLimit) {
            return "This code has been used up.";
        }
        return null;
    }

    /**
     * The discount on one ticket of {@code unitPriceMinor}: a percentage rounded half up to the minor unit, or a
     * fixed amount never above the price. An unlock code gives no discount.
     */
    public long discountPerTicket(long unitPriceMinor) {
        return switch (kind) {
            case PERCENT -> (unitPriceMinor * percentOff + 50) / 100;
            case FIXED -> Math.min(unitPriceMinor, amountOffMinor);
            case UNLOCK -> 0;
        };
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getCode() {
        return code;
    }

    public PromoCodeKind getKind() {
        return kind;
    }

    public Integer getPercentOff() {
        return percentOff;
    }

    public Long getAmountOffMinor() {
        return amountOffMinor;
    }

    public Integer getUsageLimit() {
        return usageLimit;
    }

    public Integer getPerOrderLimit() {
        return perOrderLimit;
    }

    public Instant getValidFrom() {
        return validFrom;
    }

    public Instant getValidUntil() {
        return validUntil;
    }

    public String getAppliesToJson() {
        return appliesToJson;
    }

    public int getUsedCount() {
        return usedCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setCode(String code) {
        this.code = Objects.requireNonNull(code, "code");
    }

    public void setKind(PromoCodeKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public void setPercentOff(Integer percentOff) {
        this.percentOff = percentOff;
    }

    public void setAmountOffMinor(Long amountOffMinor) {
        this.amountOffMinor = amountOffMinor;
    }

    public void setUsageLimit(Integer usageLimit) {
        this.usageLimit = usageLimit;
    }

    public void setPerOrderLimit(Integer perOrderLimit) {
        this.perOrderLimit = perOrderLimit;
    }

    public void setValidFrom(Instant validFrom) {
        this.validFrom = validFrom;
    }

    public void setValidUntil(Instant validUntil) {
        this.validUntil = validUntil;
    }

    public void setAppliesToJson(String appliesToJson) {
        this.appliesToJson = appliesToJson;
    }

    public void setUsedCount(int usedCount) {
        this.usedCount = usedCount;
    }
}
