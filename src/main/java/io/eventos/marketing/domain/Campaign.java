package io.eventos.marketing.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An e-mail campaign to a segment of contacts, with its delivery counters.
 * Table {@code campaigns}.
 */
@Entity
@Table(name = "campaigns")
public class Campaign extends TenantEntity {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "subject")
    private String subject;

    @Column(name = "from_name")
    private String fromName;

    @Column(name = "reply_to")
    private String replyTo;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "body_text")
    private String bodyText;

    @Column(name = "segment", nullable = false)
    private String segmentJson = "{}";

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "status", nullable = false)
    private CampaignStatus status = CampaignStatus.DRAFT;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "recipients_count", nullable = false)
    private int recipientsCount;

    @Column(name = "sent_count", nullable = false)
    private int sentCount;

    @Column(name = "opened_count", nullable = false)
    private int openedCount;

    @Column(name = "clicked_count", nullable = false)
    private int clickedCount;

    @Column(name = "bounced_count", nullable = false)
    private int bouncedCount;

    @Column(name = "unsubscribed_count", nullable = false)
    private int unsubscribedCount;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Campaign() {
    }

    public Campaign(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public String getName() {
        return name;
    }

    public String getSubject() {
        return subject;
    }

    public String getFromName() {
        return fromName;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getSegmentJson() {
        return segmentJson;
    }

    public UUID getEventId() {
        return eventId;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getRecipientsCount() {
        return recipientsCount;
    }

    public int getSentCount() {
        return sentCount;
    }

    public int getOpenedCount() {
        return openedCount;
    }

    public int getClickedCount() {
        return clickedCount;
    }

    public int getBouncedCount() {
        return bouncedCount;
    }

    public int getUnsubscribedCount() {
        return unsubscribedCount;
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

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public void setFromName(String fromName) {
        this.fromName = fromName;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public void setBodyHtml(String bodyHtml) {
        this.bodyHtml = bodyHtml;
    }

    public void setBodyText(String bodyText) {
        this.bodyText = bodyText;
    }

    public void setSegmentJson(String segmentJson) {
        this.segmentJson = Objects.requireNonNull(segmentJson, "segmentJson");
    }

    public void setEventId(UUID eventId) {
        this.eventId = eventId;
    }

    public void setStatus(CampaignStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public void setScheduledAt(Instant scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    public void setSentAt(Instant sentAt) {
        this.sentAt = sentAt;
    }

    public void setRecipientsCount(int recipientsCount) {
        this.recipientsCount = recipientsCount;
    }

    public void setSentCount(int sentCount) {
        this.sentCount = sentCount;
    }

    public void setOpenedCount(int openedCount) {
        this.openedCount = openedCount;
    }

    public void setClickedCount(int clickedCount) {
        this.clickedCount = clickedCount;
    }

    public void setBouncedCount(int bouncedCount) {
        this.bouncedCount = bouncedCount;
    }

    public void setUnsubscribedCount(int unsubscribedCount) {
        this.unsubscribedCount = unsubscribedCount;
    }

    public void setCreatedBy(UUID createdBy) {
        this.createdBy = createdBy;
    }
}
