package io.eventos.account.service;

import io.eventos.account.domain.PasswordPolicy;
import io.eventos.account.domain.PasswordReset;
import io.eventos.account.domain.User;
import io.eventos.account.domain.UserStatus;
import io.eventos.platform.mail.TransactionalMail;
import io.eventos.platform.limits.AddressKey;
import io.eventos.platform.limits.Limits;
import io.eventos.platform.limits.RateLimiter;
import io.eventos.platform.limits.TooManyAttemptsException;
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
 * Password reset by email (not tenant-bound: users are global). {@link #request} mails a single-use link valid for
 * one hour, or, for an address that belongs to no active user, does the same work and sends nothing: the caller
 * shows the same sentence either way, and the mail leaves after the commit on another thread
 * ({@link TransactionalMail}), so neither the answer nor its timing says whether the address is registered. Only the
 * SHA-256 of a token is stored.
 */
@Stateless
public class PasswordResetService {

    public static final Duration VALIDITY = Duration.ofHours(1);
    /** Used and expired requests are kept this long (so a used link still says "already used"), then deleted. */
    static final Duration KEPT = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class.getName());

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    PasswordHasher hasher;
    @Inject
    UserDirectory users;
    @Inject
    TransactionalMail mail;
    @Inject
    SessionGenerations sessions;
    @Inject
    RateLimiter limiter;

    Clock clock = Clock.systemUTC();

    /** What a reset link is worth. */
    public enum TokenStatus { VALID, UNKNOWN, EXPIRED, USED }

    /**
     * The outcome of {@link #reset}: the token's status, and when the token was valid but the password was not
     * accepted, the sentence saying why.
     */
    public record ResetResult(TokenStatus token, String passwordProblem) {
        public boolean changed() {
            return token == TokenStatus.VALID && passwordProblem == null;
        }
    }

    /**
     * Mails a reset link to the active user with this email, if there is one. {@code baseUrl} is the application's
     * address without a trailing slash; {@code requestedIp} the client address (kept with the request; ignored if
     * it is not an IP address). Limits: {@link Limits#PASSWORD_RESETS_PER_ADDRESS} requests per client address (more
     * throw {@link TooManyAttemptsException}: nothing is done), {@link Limits#PASSWORD_RESETS_PER_EMAIL} per email
     * (more are answered as usual and send nothing).
     */
    public void request(String email, String baseUrl, String requestedIp) {
        limiter.tryAcquire(Limits.PASSWORD_RESETS_PER_ADDRESS, AddressKey.of(requestedIp)).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!normalized.isEmpty() && limiter.tryAcquire(Limits.PASSWORD_RESETS_PER_EMAIL, normalized).isPresent()) {
            // the same answer as always; the links already sent this hour stay valid (the newest one, at least)
            LOG.info("Password reset asked again for an address that got its limit of emails this hour; not sent.");
            return;
        }
        Instant now = clock.instant();
        String token = EmailLinks.newToken();
        String tokenHash = EmailLinks.sha256Hex(token);
        List<User> users = normalized.isEmpty() ? List.of()
                : em.createQuery("select u from User u where lower(u.email) = :email and u.status = :active",
                        User.class)
                .setParameter("email", normalized)
                .setParameter("active", UserStatus.ACTIVE)
                .getResultList();
        em.createQuery("delete from PasswordReset r where r.expiresAt < :cutoff")
                .setParameter("cutoff", now.minus(KEPT))
                .executeUpdate();
        // earlier unused links of this user stop working; for an unknown address the same statement finds nothing
        UUID userId = users.isEmpty() ? UUID.randomUUID() : users.get(0).getId();
        em.createQuery("delete from PasswordReset r where r.userId = :user and r.usedAt is null")
                .setParameter("user", userId)
                .executeUpdate();
        if (users.isEmpty()) {
            LOG.fine("Password reset asked for an address that belongs to no active user; nothing sent.");
            return;
        }
        User user = users.get(0);
        em.persist(new PasswordReset(user.getId(), tokenHash, now, now.plus(VALIDITY), ipOrNull(requestedIp)));
        mail.send("password.reset_requested", resetMail(user, baseUrl + "/reset-password.xhtml?token=" + token));
    }

    /** Whether a link can still be used (to show the form, or say why not, before anything is typed). */
    public TokenStatus check(String token) {
        return statusOf(find(token, false));
    }

    /**
     * Sets a new password if the token is valid and the password follows {@link PasswordPolicy}; the token is then
     * used up and the user's other links stop working. The token row is locked, so it works once even when sent
     * twice at the same moment.
     */
    public ResetResult reset(String token, String newPassword) {
        Optional<PasswordReset> found = find(token, true);
        TokenStatus status = statusOf(found);
        if (status != TokenStatus.VALID) {
            return new ResetResult(status, null);
        }
        PasswordReset reset = found.get();
        User user = em.find(User.class, reset.getUserId());
        if (user == null || user.getStatus() != UserStatus.ACTIVE) {
            return new ResetResult(TokenStatus.UNKNOWN, null);
        }
        Optional<String> problem = PasswordPolicy.problem(newPassword, user.getEmail());
        if (problem.isPresent()) {
            return new ResetResult(TokenStatus.VALID, problem.get());
        }
        user.setPasswordHash(hasher.hash(newPassword));
        user.setFailedLoginCount(0); // proven by email: the account-wide wait no longer protects anything
        user.setLockedUntil(null);
        users.forgetFailuresFromHere(user.getEmail());
        sessions.endAll(em, user.getId()); // every session, this browser's too: sign in with the new password
        reset.markUsed(clock.instant());
        em.createQuery("delete from PasswordReset r where r.userId = :user and r.usedAt is null and r.id <> :id")
                .setParameter("user", user.getId())
                .setParameter("id", reset.getId())
                .executeUpdate();
        users.auditSecurityChange(user.getId(), "user.password_reset");
        LOG.info(() -> "Password of user " + user.getId() + " was reset by email link.");
        return new ResetResult(TokenStatus.VALID, null);
    }

    private Optional<PasswordReset> find(String token, boolean lock) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        var query = em.createQuery("select r from PasswordReset r where r.tokenHash = :hash", PasswordReset.class)
                .setParameter("hash", EmailLinks.sha256Hex(token));
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    private TokenStatus statusOf(Optional<PasswordReset> reset) {
        if (reset.isEmpty()) {
            return TokenStatus.UNKNOWN;
        }
        if (reset.get().isUsed()) {
            return TokenStatus.USED;
        }
        return reset.get().isExpiredAt(clock.instant()) ? TokenStatus.EXPIRED : TokenStatus.VALID;
    }

    static MailMessage resetMail(User user, String link) {
        String text = """
                Hello %s,

                someone (we hope it was you) asked to reset the password you use to sign in to EventOS as %s.
                Open this link within one hour to choose a new password:

                %s

                The link works once. If you did not ask for it, ignore this email: your password stays as it is.

                EventOS
                """.formatted(user.getName(), user.getEmail(), link);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body>
                <p>Hello %s,</p>
                <p>someone (we hope it was you) asked to reset the password you use to sign in to EventOS as %s.
                Open this link within one hour to choose a new password:</p>
                <p><a href="%s">Choose a new password</a></p>
                <p>The link works once. If you did not ask for it, ignore this email: your password stays as it is.</p>
                <p>EventOS</p>
                </body></html>
                """.formatted(EmailLinks.escapeHtml(user.getName()), EmailLinks.escapeHtml(user.getEmail()), EmailLinks.escapeHtml(link));
        return new MailMessage(user.getEmail(), "Reset your EventOS password", text, html, List.of());
    }

    /** An IPv4 or IPv6 literal as PostgreSQL's inet reads it, or null. */
    static String ipOrNull(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
            return a;
        }
        if (a.contains(":") && a.length() <= 45 && a.matches("[0-9A-Fa-f:.]+")) {
            try {
                return java.net.InetAddress.getByName(a).getHostAddress().replaceFirst("%.*$", "");
            } catch (java.net.UnknownHostException e) {
                return null; // not a valid IPv6 literal (a literal with ':' is never looked up in DNS)
            }
        }
        return null;
    }
}
