package io.eventos.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A link that lets a user choose a new password, with the address it was requested from. Table {@code password_resets}. */
@Entity
@Table(name = "password_resets")
public class PasswordReset extends OneTimeLink {

    /** inet; bound as text (the data source sends strings untyped). */
    @Column(name = "requested_ip", updatable = false)
    private String requestedIp;

    protected PasswordReset() {
    }

    public PasswordReset(UUID userId, String tokenHash, Instant createdAt, Instant expiresAt, String requestedIp) {
        super(userId, tokenHash, createdAt, expiresAt);
        this.requestedIp = requestedIp;
    }

    public String getRequestedIp() {
        return requestedIp;
    }
}
