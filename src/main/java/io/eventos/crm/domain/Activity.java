package io.eventos.crm.domain;

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
 * An entry on a contact's timeline: derived from an audit entry (orders, check-ins, e-mails) or written by a
 * team member (notes, calls, meetings, tasks).
 * Table {@code activities}.
 */
@Entity
@Table(name = "activities")
public class Activity extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @Column(name = "kind", nullable = false)
    private ActivityKind kind;

    @Column(name = "subject")
    private String subject;

    @Column(name = "body")
    private String body;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt = Instant.now();

    @Column(name = "actor_user_id")
    private UUID actorUserId;

    @Column(name = "audit_id")
    private UUID auditId;

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "data", nullable = false)
    private String dataJson = "{}";

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "assignee_user_id")
    private UUID assigneeUserId;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Activity() {
    }

    public Activity(Contact contact, ActivityKind kind) {
        this.contact = Objects.requireNonNull(contact, "contact");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public Contact getContact() {
        return contact;
    }

    public ActivityKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public UUID getActorUserId() {
        return actorUserId;
    }

    public UUID getAuditId() {
        return auditId;
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getDataJson() {
        return dataJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public void setActorUserId(UUID actorUserId) {
        this.actorUserId = actorUserId;
    }

    public void setAuditId(UUID auditId) {
        this.auditId = auditId;
    }

    public void setEventId(UUID eventId) {
        this.eventId = eventId;
    }

    public void setDataJson(String dataJson) {
        this.dataJson = Objects.requireNonNull(dataJson, "dataJson");
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public UUID getAssigneeUserId() {
        return assigneeUserId;
    }

    public void setAssigneeUserId(UUID assigneeUserId) {
        this.assigneeUserId = assigneeUserId;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public void setDoneAt(Instant doneAt) {
        this.doneAt = doneAt;
    }
}
