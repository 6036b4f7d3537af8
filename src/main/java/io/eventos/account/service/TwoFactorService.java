package io.eventos.account.service;

import io.eventos.account.domain.User;
import io.eventos.platform.crypto.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Two-factor authentication (TOTP) of a user. Users are global, so this service is not tenant-bound: it works on the
 * {@code users} row only, which has no row level security.
 *
 * <p>Each call locks the user's row ({@code select ... for update}) before checking a code, so two requests with
 * the same code (or the same recovery code) cannot both succeed: the second one sees the step or code the first one
 * used. The rules themselves live in {@link TwoFactorRules}.
 *
 * <p>Wrong input ends in a {@link TwoFactorException} whose message is the sentence to show, except
 * {@link #verifyLogin}, which answers true/false (show {@link TwoFactorException#refused(String)}'s message).
 */
@Stateless
public class TwoFactorService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    SecretBox secretBox;
    @Inject
    UserDirectory users;

    Clock clock = Clock.systemUTC();

    /** A new secret, its otpauth URI and QR code; stored sealed, two-factor stays off until confirmed. */
    public TwoFactorEnrolment startEnrolment(UUID userId) {
        return rules().start(lockedUser(userId));
    }

    /** Turns two-factor on with a code from the new secret; returns the recovery codes (plain text, only now). */
    public List<String> confirmEnrolment(UUID userId, String code) {
        List<String> codes = rules().confirm(lockedUser(userId), code);
        users.auditSecurityChange(userId, "user.two_factor_enabled");
        return codes;
    }

    /**
     * The login's second factor: a TOTP code newer than the last accepted one, or an unused recovery code (used up
     * by this). False for anything else, for an unknown user, and when two-factor is off.
     */
    public boolean verifyLogin(UUID userId, String codeOrRecoveryCode) {
        User user = userId == null ? null : em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        return user != null && rules().verify(user, codeOrRecoveryCode) != TwoFactorRules.Outcome.REFUSED;
    }

    /** Turns two-factor off, proven with a TOTP code or a recovery code; forgets the secret and recovery codes. */
    public void disable(UUID userId, String code) {
        rules().disable(lockedUser(userId), code);
        users.auditSecurityChange(userId, "user.two_factor_disabled");
    }

    public TwoFactorStatus status(UUID userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new IllegalArgumentException("No user " + userId);
        }
        return rules().status(user);
    }

    /** Whether sign-in must ask this user for a second factor. */
    public boolean isEnabled(UUID userId) {
        User user = em.find(User.class, userId);
        return user != null && user.isTotpEnabled();
    }

    private User lockedUser(UUID userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new IllegalArgumentException("No user " + userId);
        }
        return user;
    }

    private TwoFactorRules rules() {
        return new TwoFactorRules(secretBox, new Totp(clock));
    }
}
