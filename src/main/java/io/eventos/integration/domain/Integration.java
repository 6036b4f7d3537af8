package io.eventos.integration.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API key, an outgoing webhook or third-party credentials. Secrets are encrypted by the application before they
 * reach this entity; {@code config} holds non-secret settings only.
 * Table {@code integrations}.
 */
@Entity
@Table(name = "integrations")
public class Integration extends TenantEntity {

    @Column(name = "kind", nullable = false)
    private IntegrationKind kind;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "provider")
    private String provider;

    @Column(name = "status", nullable = false)
    private IntegrationStatus status = IntegrationStatus.ACTIVE;

    @Column(name = "config", nullable = false)
    private String configJson = "{}";

    @Column(name = "secret_enc", columnDefinition = "bytea")
    private byte[] secretEnc;

    @Column(name = "secret_hint")
    private String secretHint;

    @Column(name = "key_prefix")
    private String keyPrefix;

    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "target_url")
    private String targetUrl;

    @Column(name = "event_types", nullable = false)
    private String eventTypesJson = "[]";

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Integration() {
    }

    public Integration(IntegrationKind kind, String name) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public IntegrationKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getProvider() {
        return provider;
    }

    public IntegrationStatus getStatus() {
        return status;
    }

    public String getConfigJson() {
        return configJson;
    }

    public byte[] getSecretEnc() {
        return secretEnc == null ? null : secretEnc.clone();
    }

    public String getSecretHint() {
        return secretHint;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public String getTargetUrl() {
        return targetUrl;
    }

    public String getEventTypesJson() {
        return eventTypesJson;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public UUID getCreatedBy() {
        return createdBy;
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

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public void setStatus(IntegrationStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public void setConfigJson(String configJson) {
        this.configJson = Objects.requireNonNull(configJson, "configJson");
    }

    public void setSecretEnc(byte[] secretEnc) {
        this.secretEnc = secretEnc == null ? null : secretEnc.clone();
    }

    public void setSecretHint(String secretHint) {
        this.secretHint = secretHint;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public void setKeyHash(String keyHash) {
        this.keyHash = keyHash;
    }

    public void setTargetUrl(String targetUrl) {
        this.targetUrl = targetUrl;
    }

    public void setEventTypesJson(String eventTypesJson) {
        this.eventTypesJson = Objects.requireNonNull(eventTypesJson, "eventTypesJson");
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public void setCreatedBy(UUID createdBy) {
        this.createdBy = createdBy;
    }
}
