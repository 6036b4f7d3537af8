package io.eventos.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An organizer organisation: the tenant. Global table (no account_id); its RLS lets the application see only the
 * bound account and the accounts the logged-in user belongs to.
 * Table {@code accounts}.
 */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = UUID.randomUUID();

    @Column(name = "slug", nullable = false)
    private String slug;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "default_time_zone", nullable = false)
    private String defaultTimeZone = "UTC";

    @Column(name = "default_currency", nullable = false)
    private String defaultCurrency = "EUR";

    @Column(name = "logo_media_id")
    private UUID logoMediaId;

    @Column(name = "brand_color")
    private String brandColor;

    @Column(name = "settings", nullable = false)
    private String settingsJson = "{}";

    @Column(name = "require_2fa", nullable = false)
    private boolean require2fa;

    @Column(name = "data_retention_days")
    private Integer dataRetentionDays;

    @Column(name = "status", nullable = false)
    private AccountStatus status = AccountStatus.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Account() {
    }

    public Account(String slug, String name) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.name = Objects.requireNonNull(name, "name");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getDefaultTimeZone() {
        return defaultTimeZone;
    }

    public String getDefaultCurrency() {
        return defaultCurrency;
    }

    public UUID getLogoMediaId() {
        return logoMediaId;
    }

    /** Lower-case {@code #rrggbb} (checked by {@code BrandColor}), or null for the EventOS blue. */
    public String getBrandColor() {
        return brandColor;
    }

    public String getSettingsJson() {
        return settingsJson;
    }

    public boolean isRequire2fa() {
        return require2fa;
    }

    public Integer getDataRetentionDays() {
        return dataRetentionDays;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setSlug(String slug) {
        this.slug = Objects.requireNonNull(slug, "slug");
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public void setDefaultTimeZone(String defaultTimeZone) {
        this.defaultTimeZone = Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
    }

    public void setDefaultCurrency(String defaultCurrency) {
        this.defaultCurrency = Objects.requireNonNull(defaultCurrency, "defaultCurrency");
    }

    public void setLogoMediaId(UUID logoMediaId) {
        this.logoMediaId = logoMediaId;
    }

    public void setBrandColor(String brandColor) {
        this.brandColor = brandColor;
    }

    public void setSettingsJson(String settingsJson) {
        this.settingsJson = Objects.requireNonNull(settingsJson, "settingsJson");
    }

    public void setRequire2fa(boolean require2fa) {
        this.require2fa = require2fa;
    }

    public void setDataRetentionDays(Integer dataRetentionDays) {
        this.dataRetentionDays = dataRetentionDays;
    }

    public void setStatus(AccountStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Account that && Objects.equals(id, that.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
