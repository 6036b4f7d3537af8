package io.eventos.event.domain;

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
 * An agenda item of an event (talk, workshop, keynote, break), optionally in a room.
 * Table {@code sessions}.
 */
@Entity
@Table(name = "sessions")
public class Session extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false)
    private Event event;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "description")
    private String description;

    @Column(name = "kind", nullable = false)
    private SessionKind kind = SessionKind.TALK;

    @Column(name = "track")
    private String track;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "room_id")
    private VenueRoom room;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "capacity")
    private Integer capacity;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Session() {
    }

    public Session(Event event, String title, Instant startsAt, Instant endsAt) {
        requireOrdered(startsAt, endsAt);
        this.event = Objects.requireNonNull(event, "event");
        this.title = Objects.requireNonNull(title, "title");
        this.startsAt = Objects.requireNonNull(startsAt, "startsAt");
        this.endsAt = Objects.requireNonNull(endsAt, "endsAt");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /** Moves the session; the end must be after the start (as the database checks too). */
    public void reschedule(Instant startsAt, Instant endsAt) {
        requireOrdered(startsAt, endsAt);
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    private static void requireOrdered(Instant startsAt, Instant endsAt) {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A session must end after it starts");
        }
    }

    public Event getEvent() {
        return event;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public SessionKind getKind() {
        return kind;
    }

    public String getTrack() {
        return track;
    }

    public VenueRoom getRoom() {
        return room;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setTitle(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public void setKind(SessionKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public void setTrack(String track) {
        this.track = track;
    }

    public void setRoom(VenueRoom room) {
        this.room = room;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }
}
