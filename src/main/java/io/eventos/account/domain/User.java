package io.eventos.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who logs in. Global table (no account_id, no RLS); membership in accounts is {@link AccountUser}.
 * Table {@code users}.
 */
@Entity
@Table(name = "users")
public class User {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = UUID.randomUUID();

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "totp_secret_enc", columnDefinition = "bytea")
    private byte[] totpSecretEnc;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    /** RFC 6238 time step of the last accepted TOTP code; codes of this or an older step are refused (replay). */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "recovery_codes", nullable = false)
    private String recoveryCodesJson = "[]";

    @Column(name = "failed_login_count", nullable = false)
    private int failedLoginCount;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "locale", nullable = false)
    private String locale = "en";

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "last_account_id")
    private UUID lastAccountId;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "status", nullable = false)
    private UserStatus status = UserStatus.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected User() {
    }

    public User(String email, String name) {
        this.email = Objects.requireNonNull(email, "email");
        this.name = Objects.requireNonNull(name, "name");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    public byte[] getTotpSecretEnc() {
        return totpSecretEnc == null ? null : totpSecretEnc.clone();
    }

    public boolean isTotpEnabled() {
        return totpEnabled;
    }

    public Long getTotpLastStep() {
        return totpLastStep;
    }

    public String getRecoveryCodesJson() {
        return recoveryCodesJson;
    }

    public int getFailedLoginCount() {
        return failedLoginCount;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public String getLocale() {
        return locale;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public UUID getLastAccountId() {
        return lastAccountId;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public UserStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setEmail(String email) {
        this.email = Objects.requireNonNull(email, "email");
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void setEmailVerifiedAt(Instant emailVerifiedAt) {
        this.emailVerifiedAt = emailVerifiedAt;
    }

    public void setTotpSecretEnc(byte[] totpSecretEnc) {
        this.totpSecretEnc = totpSecretEnc == null ? null : totpSecretEnc.clone();
    }

    public void setTotpEnabled(boolean totpEnabled) {
        this.totpEnabled = totpEnabled;
    }

    public void setTotpLastStep(Long totpLastStep) {
        this.totpLastStep = totpLastStep;
    }

    public void setRecoveryCodesJson(String recoveryCodesJson) {
        this.recoveryCodesJson = Objects.requireNonNull(recoveryCodesJson, "recoveryCodesJson");
    }

    public void setFailedLoginCount(int failedLoginCount) {
        this.failedLoginCount = failedLoginCount;
    }

    public void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public void setLocale(String locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public void setLastAccountId(UUID lastAccountId) {
        this.lastAccountId = lastAccountId;
    }

    public void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public void setStatus(UserStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof User that && Objects.equals(id, that.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
