package io.eventos.account.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one record of a business action (who, what, when, before/after), written in the same transaction as the
 * action. It feeds the audit trail, the CRM timeline, notifications and webhooks (via the outbox). Append-only:
 * the setters exist to fill an entry before it is persisted.
 * Table {@code audit_log}.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends TenantEntity {

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt = Instant.now();

    @Column(name = "actor_user_id")
    private UUID actorUserId;

    @Column(name = "actor_kind", nullable = false)
    private ActorKind actorKind;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "subject_type")
    private String subjectType;

    @Column(name = "subject_id")
    private UUID subjectId;

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "ip")
    private String ip;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "before")
    private String beforeJson;

    @Column(name = "after")
    private String afterJson;

    @Column(name = "data", nullable = false)
    private String dataJson = "{}";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected AuditEntry() {
    }

    public AuditEntry(UUID actorUserId, ActorKind actorKind, String action, String subjectType, UUID subjectId) {
        this.actorUserId = actorUserId;
        this.actorKind = Objects.requireNonNull(actorKind, "actorKind");
        this.action = Objects.requireNonNull(action, "action");
        this.subjectType = subjectType;
        this.subjectId = subjectId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public UUID getActorUserId() {
        return actorUserId;
    }

    public ActorKind getActorKind() {
        return actorKind;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public UUID getSubjectId() {
        return subjectId;
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getIp() {
        return ip;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getBeforeJson() {
        return beforeJson;
    }

    public String getAfterJson() {
        return afterJson;
    }

    public String getDataJson() {
        return dataJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setEventId(UUID eventId) {
        this.eventId = eventId;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public void setBeforeJson(String beforeJson) {
        this.beforeJson = beforeJson;
    }

    public void setAfterJson(String afterJson) {
        this.afterJson = afterJson;
    }

    public void setDataJson(String dataJson) {
        this.dataJson = Objects.requireNonNull(dataJson, "dataJson");
    }
}
