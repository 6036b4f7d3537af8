package io.eventos.marketing.domain;

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
 * The campaign e-mail to one contact; its unguessable token identifies tracking and unsubscribe links.
 * Table {@code campaign_deliveries}.
 */
@Entity
@Table(name = "campaign_deliveries")
public class CampaignDelivery extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", nullable = false)
    private Campaign campaign;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "token", nullable = false)
    private String token;

    @Column(name = "status", nullable = false)
    private DeliveryStatus status = DeliveryStatus.QUEUED;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "clicked_at")
    private Instant clickedAt;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    @Column(name = "bounced_at")
    private Instant bouncedAt;

    @Column(name = "error")
    private String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected CampaignDelivery() {
    }

    public CampaignDelivery(Campaign campaign, UUID contactId, String email, String token) {
        this.campaign = Objects.requireNonNull(campaign, "campaign");
        this.contactId = Objects.requireNonNull(contactId, "contactId");
        this.email = Objects.requireNonNull(email, "email");
        this.token = Objects.requireNonNull(token, "token");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public UUID getContactId() {
        return contactId;
    }

    public String getEmail() {
        return email;
    }

    public String getToken() {
        return token;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClickedAt() {
        return clickedAt;
    }

    public Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }

    public Instant getBouncedAt() {
        return bouncedAt;
    }

    public String getError() {
        return error;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setStatus(DeliveryStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public void setSentAt(Instant sentAt) {
        this.sentAt = sentAt;
    }

    public void setOpenedAt(Instant openedAt) {
        this.openedAt = openedAt;
    }

    public void setClickedAt(Instant clickedAt) {
        this.clickedAt = clickedAt;
    }

    public void setUnsubscribedAt(Instant unsubscribedAt) {
        this.unsubscribedAt = unsubscribedAt;
    }

    public void setBouncedAt(Instant bouncedAt) {
        this.bouncedAt = bouncedAt;
    }

    public void setError(String error) {
        this.error = error;
    }
}
