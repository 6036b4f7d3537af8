package io.eventos.account.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation to join an account by e-mail; only the hash of its token is stored. It is open until it is accepted
 * (once) or revoked, and its link works until it expires. Inviting the same address again refreshes the open
 * invitation ({@link #refresh}): a new token, so the older link stops working. Table {@code invitations}.
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

    /** Neither accepted nor revoked (it may have expired: a refresh makes it usable again). */
    public boolean isOpen() {
        return acceptedAt == null && revokedAt == null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** A new link (the old one stops working), valid until {@code expiresAt}, with the latest role and events. */
    public void refresh(String newTokenHash, Instant newExpiresAt, MemberRole newRole, String newEventScopeJson,
                        UUID newInvitedBy) {
        requireOpen();
        this.tokenHash = Objects.requireNonNull(newTokenHash, "tokenHash");
        this.expiresAt = Objects.requireNonNull(newExpiresAt, "expiresAt");
        this.role = Objects.requireNonNull(newRole, "role");
        this.eventScopeJson = newEventScopeJson;
        this.invitedBy = newInvitedBy;
    }

    /** Used up by {@code userId}, who joined the account with it. */
    public void accept(UUID userId, Instant now) {
        requireOpen();
        if (isExpiredAt(now)) {
            throw new IllegalStateException("An expired invitation cannot be accepted");
        }
        this.acceptedUserId = Objects.requireNonNull(userId, "userId");
        this.acceptedAt = Objects.requireNonNull(now, "now");
    }

    /** Withdrawn: its link no longer works. */
    public void revoke(Instant now) {
        requireOpen();
        this.revokedAt = Objects.requireNonNull(now, "now");
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("The invitation was already " + (acceptedAt != null ? "accepted" : "revoked"));
        }
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

    public void setInvitedBy(UUID invitedBy) {
        this.invitedBy = invitedBy;
    }

    public void setEventScopeJson(String eventScopeJson) {
        this.eventScopeJson = eventScopeJson;
    }
}
