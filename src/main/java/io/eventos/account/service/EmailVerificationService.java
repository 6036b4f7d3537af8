package io.eventos.account.service;

import io.eventos.account.domain.EmailVerification;
import io.eventos.account.domain.User;
import io.eventos.platform.mail.TransactionalMail;
import io.eventos.platform.mail.MailMessage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Confirms that a user can read mail at their address (not tenant-bound: users are global). {@link #sendLink} mails
 * a single-use link valid for {@link #VALIDITY}; {@link #verify} sets {@code users.email_verified_at}. Only the
 * SHA-256 of a token is stored. The account works before the address is confirmed; publishing an event will not
 * ({@link AccountService#isEmailVerified}).
 */
@Stateless
public class EmailVerificationService {

    public static final Duration VALIDITY = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(EmailVerificationService.class.getName());

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    TransactionalMail mail;

    Clock clock = Clock.systemUTC();

    /** What a verification link was worth when it was opened. */
    public enum Status { VERIFIED, UNKNOWN, EXPIRED, USED }

    /**
     * Mails a new link to the user's address (earlier unused links stop working), unless the address is confirmed
     * already. Returns whether a link was sent. The mail leaves after the transaction commits. {@code baseUrl} is the
     * application's address without a trailing slash.
     */
    public boolean sendLink(UUID userId, String baseUrl) {
        User user = em.find(User.class, userId);
        if (user == null || user.getEmailVerifiedAt() != null) {
            return false;
        }
        Instant now = clock.instant();
        em.createQuery("delete from EmailVerification v where v.userId = :user and v.usedAt is null")
                .setParameter("user", userId)
                .executeUpdate();
        String token = EmailLinks.newToken();
        em.persist(new EmailVerification(userId, user.getEmail(), EmailLinks.sha256Hex(token), now,
                now.plus(VALIDITY)));
        mail.send("email.verification_sent", verificationMail(user, baseUrl + "/verify-email.xhtml?token=" + token));
        return true;
    }

    /**
     * Confirms the address the link was sent to, if the link is valid and the user still has that address. The
     * row is locked, so a link opened twice at once works once.
     */
    public Status verify(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Status.UNKNOWN;
        }
        List<EmailVerification> found = em.createQuery(
                        "select v from EmailVerification v where v.tokenHash = :hash", EmailVerification.class)
                .setParameter("hash", EmailLinks.sha256Hex(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            return Status.UNKNOWN;
        }
        EmailVerification link = found.get(0);
        Instant now = clock.instant();
        if (link.isUsed()) {
            return Status.USED;
        }
        if (link.isExpiredAt(now)) {
            return Status.EXPIRED;
        }
        User user = em.find(User.class, link.getUserId());
        if (user == null || !user.getEmail().toLowerCase(Locale.ROOT).equals(link.getEmail().toLowerCase(Locale.ROOT))) {
            return Status.UNKNOWN; // the address changed since the link was sent
        }
        link.markUsed(now);
        if (user.getEmailVerifiedAt() == null) {
            user.setEmailVerifiedAt(now);
            LOG.info(() -> "User " + user.getId() + " confirmed their email address.");
        }
        return Status.VERIFIED;
    }

    /** Whether the user has confirmed their current email address. */
    public boolean isEmailVerified(UUID userId) {
        return Optional.ofNullable(em.find(User.class, userId)).map(u -> u.getEmailVerifiedAt() != null).orElse(false);
    }

    static MailMessage verificationMail(User user, String link) {
        String text = """
                Hello %s,

                please confirm that %s is your email address by opening this link within 7 days:

                %s

                You can use EventOS before you confirm; publishing an event needs a confirmed address.
                If you did not sign up for EventOS, ignore this email.

                EventOS
                """.formatted(user.getName(), user.getEmail(), link);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body>
                <p>Hello %s,</p>
                <p>please confirm that %s is your email address by opening this link within 7 days:</p>
                <p><a href="%s">Confirm my email address</a></p>
                <p>You can use EventOS before you confirm; publishing an event needs a confirmed address.
                If you did not sign up for EventOS, ignore this email.</p>
                <p>EventOS</p>
                </body></html>
                """.formatted(EmailLinks.escapeHtml(user.getName()), EmailLinks.escapeHtml(user.getEmail()), EmailLinks.escapeHtml(link));
        return new MailMessage(user.getEmail(), "Confirm your email address for EventOS", text, html, List.of());
    }
}
