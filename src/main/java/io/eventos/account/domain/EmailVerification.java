package io.eventos.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A link that confirms a user's email address, valid only for the address it was sent to (a later change of
 * address makes it worthless). Table {@code email_verifications}.
 */
@Entity
@Table(name = "email_verifications")
public class EmailVerification extends OneTimeLink {

    @Column(name = "email", nullable = false, updatable = false)
    private String email;

    protected EmailVerification() {
    }

    public EmailVerification(UUID userId, String email, String tokenHash, Instant createdAt, Instant expiresAt) {
        super(userId, tokenHash, createdAt, expiresAt);
        this.email = Objects.requireNonNull(email, "email");
    }

    public String getEmail() {
        return email;
    }
}
