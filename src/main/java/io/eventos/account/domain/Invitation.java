package io.eventos.account.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation to join an account by e-mail; only the hash of its token is stored.
 * Table {@code invitations}.
 */
@Entity
@Table(name = "invitations")
public class Invitation extends TenantEntity {

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "role", nullable = false)
    private MemberRole role;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "accepted_user_id")
    private UUID acceptedUserId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "invited_by")
    private UUID invitedBy;

    @Column(name = "event_scope")
    private String eventScopeJson;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Invitation() {
    }

    public Invitation(String email, MemberRole role, String tokenHash, Instant expiresAt) {
        this.email = Objects.requireNonNull(email, "email");
        this.role = Objects.requireNonNull(role, "role");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String getEmail() {
        return email;
    }

    public MemberRole getRole() {
        return role;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public UUID getAcceptedUserId() {
        return acceptedUserId;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public UUID getInvitedBy() {
        return invitedBy;
    }

    public String getEventScopeJson() {
        return eventScopeJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setAcceptedAt(Instant acceptedAt) {
        this.acceptedAt = acceptedAt;
    }

    public void setAcceptedUserId(UUID acceptedUserId) {
        this.acceptedUserId = acceptedUserId;
    }

    public void setRevokedAt(Instant revokedAt) {
        this.revokedAt = revokedAt;
    }

    public void setInvitedBy(UUID invitedBy) {
        this.invitedBy = invitedBy;
    }

    public void setEventScopeJson(String eventScopeJson) {
        this.eventScopeJson = eventScopeJson;
    }
}
