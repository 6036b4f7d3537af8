package io.eventos.event.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * Links a speaker to a session; deleted with either of them.
 * Table {@code session_speakers}.
 */
@Entity
@Table(name = "session_speakers")
public class SessionSpeaker extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "speaker_id", nullable = false)
    private Speaker speaker;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected SessionSpeaker() {
    }

    public SessionSpeaker(Session session, Speaker speaker) {
        this.session = Objects.requireNonNull(session, "session");
        this.speaker = Objects.requireNonNull(speaker, "speaker");
    }

    public Session getSession() {
        return session;
    }

    public Speaker getSpeaker() {
        return speaker;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
