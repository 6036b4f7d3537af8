package io.eventos.account.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Membership of a user in an account, with a role, extra permissions and an optional limit to some events.
 * Table {@code account_users}.
 */
@Entity
@Table(name = "account_users")
public class AccountUser extends TenantEntity {

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "role", nullable = false)
    private MemberRole role;

    @Column(name = "permissions", nullable = false)
    private String permissionsJson = "{}";

    @Column(name = "event_scope")
    private String eventScopeJson;

    @Column(name = "status", nullable = false)
    private MembershipStatus status = MembershipStatus.ACTIVE;

    @Column(name = "last_active_at")
    private Instant lastActiveAt;

    @Column(name = "invited_by")
    private UUID invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected AccountUser() {
    }

    public AccountUser(UUID userId, MemberRole role) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.role = Objects.requireNonNull(role, "role");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public UUID getUserId() {
        return userId;
    }

    public MemberRole getRole() {
        return role;
    }

    public String getPermissionsJson() {
        return permissionsJson;
    }

    public String getEventScopeJson() {
        return eventScopeJson;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public Instant getLastActiveAt() {
        return lastActiveAt;
    }

    public UUID getInvitedBy() {
        return invitedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setRole(MemberRole role) {
        this.role = Objects.requireNonNull(role, "role");
    }

    public void setPermissionsJson(String permissionsJson) {
        this.permissionsJson = Objects.requireNonNull(permissionsJson, "permissionsJson");
    }

    public void setEventScopeJson(String eventScopeJson) {
        this.eventScopeJson = eventScopeJson;
    }

    public void setStatus(MembershipStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public void setLastActiveAt(Instant lastActiveAt) {
        this.lastActiveAt = lastActiveAt;
    }

    public void setInvitedBy(UUID invitedBy) {
        this.invitedBy = invitedBy;
    }
}
