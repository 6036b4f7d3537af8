package io.eventos.checkin.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry or exit of an attendee on a check-in list (history, not a flag); an admission taken back is marked
 * undone, never deleted. The scanner's nonce is unique per account, so a retried scan is recorded once. Written by
 * {@code CheckInService} with SQL (the scan's hot path); the entity serves the demo loader and reads.
 * Table {@code check_ins}.
 */
@Entity
@Table(name = "check_ins")
public class CheckIn extends TenantEntity {

    @Column(name = "attendee_id", nullable = false)
    private UUID attendeeId;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "direction", nullable = false)
    private CheckInDirection direction;

    @Column(name = "nonce", nullable = false)
    private String nonce;

    @Column(name = "gate")
    private String gate;

    @Column(name = "device")
    private String device;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "list_id")
    private UUID listId;

    @Column(name = "device_id")
    private UUID deviceId;

    @Column(name = "undone_at")
    private Instant undoneAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected CheckIn() {
    }

    public CheckIn(UUID attendeeId, UUID eventId, CheckInDirection direction, String nonce, String gate, String device, UUID userId) {
        this.attendeeId = Objects.requireNonNull(attendeeId, "attendeeId");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.gate = gate;
        this.device = device;
        this.userId = userId;
    }

    public UUID getAttendeeId() {
        return attendeeId;
    }

    public UUID getEventId() {
        return eventId;
    }

    public CheckInDirection getDirection() {
        return direction;
    }

    public String getNonce() {
        return nonce;
    }

    public String getGate() {
        return gate;
    }

    public String getDevice() {
        return device;
    }

    public UUID getUserId() {
        return userId;
    }

    public UUID getListId() {
        return listId;
    }

    /** The check-in list the scan was made against (null only for entries recorded before lists existed). */
    public void setListId(UUID listId) {
        this.listId = listId;
    }

    public UUID getDeviceId() {
        return deviceId;
    }

    public Instant getUndoneAt() {
        return undoneAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
