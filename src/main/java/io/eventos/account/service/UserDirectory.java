package io.eventos.account.service;

import io.eventos.account.domain.User;
import io.eventos.account.domain.UserStatus;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TransactionSettings;
import io.eventos.platform.tenancy.RequestOrigin;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Users are global (one person, many accounts): found by email to sign in, and by id. Memberships are listed
 * through row level security as "the signed-in user's own rows" ({@code app.user_id}), never across tenants.
 */
@Stateless
public class UserDirectory {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    PasswordHasher hasher;
    @Inject
    LoginThrottle throttle;
    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /**
     * Checks a password, counting failures per account and per client address ({@link LoginThrottle}); a locked
     * account or address is refused before the password is even looked at. Failures of a known user go to the audit
     * log of their (last used) account; a success is only the first step: {@link #completeSignIn} ends it (after the
     * second factor, where that is on).
     */
    public SignInResult authenticate(String email, String password, String address) {
        if (email == null || password == null) {
            return SignInResult.refused();
        }
        Optional<Duration> addressWait = throttle.addressWait(address);
        if (addressWait.isPresent()) {
            return SignInResult.throttled(addressWait.get());
        }
        List<User> users = em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (users.isEmpty()) {
            hasher.hash(password); // same work as a real check, so timing does not reveal registered emails
            throttle.addressFailed(address);
            return SignInResult.refused();
        }
        User user = users.get(0);
        Optional<Duration> accountWait = throttle.accountWait(user.getLockedUntil());
        if (accountWait.isPresent()) {
            return SignInResult.throttled(accountWait.get());
        }
        if (user.getStatus() != UserStatus.ACTIVE || !hasher.verify(password, user.getPasswordHash())) {
            return failed(user, address, "password");
        }
        return SignInResult.ok(new SignedInUser(user.getId(), user.getEmail(), user.getName(),
                user.getLastAccountId()));
    }

    /** The second factor was wrong: counts like a wrong password (a 6-digit code must not be guessable). */
    public SignInResult secondFactorFailed(UUID userId, String address) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        return user == null ? SignInResult.refused() : failed(user, address, "second factor");
    }

    /** The sign-in is complete: failures are forgotten and the success is audited. */
    public void completeSignIn(UUID userId, String address) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        user.setFailedLoginCount(0);
        user.setLockedUntil(null);
        user.setLastLoginAt(clock.instant());
        try (var actor = CurrentTenant.bindUser(user.getId())) {
            auditInAccountOf(user, "login.succeeded", Map.of("address", String.valueOf(address)));
        }
    }

    private SignInResult failed(User user, String address, String what) {
        throttle.addressFailed(address);
        int failures = user.getFailedLoginCount() + 1;
        user.setFailedLoginCount(failures);
        Optional<java.time.Instant> lock = throttle.lockAfterFailure(failures);
        lock.ifPresent(user::setLockedUntil);
        boolean locked = failures >= LoginThrottle.LOCK_AFTER;
        auditInAccountOf(user, locked ? "login.locked" : "login.failed",
                Map.of("failures_in_a_row", failures, "wrong", what, "address", String.valueOf(address)));
        return locked ? SignInResult.throttled(Duration.between(clock.instant(), lock.get())) : SignInResult.refused();
    }

    /** How long sign-in is refused for this email and address right now, if it is. */
    public Optional<Duration> waitBeforeSignIn(String email, String address) {
        Optional<Duration> addressWait = throttle.addressWait(address);
        if (addressWait.isPresent() || email == null) {
            return addressWait;
        }
        List<User> users = em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .getResultList();
        return users.isEmpty() ? Optional.empty() : throttle.accountWait(users.get(0).getLockedUntil());
    }

    /**
     * Records a change to a person's own security (two-factor on/off, password reset) in the audit log of their last
     * used account, in the caller's transaction.
     */
    public void auditSecurityChange(UUID userId, String action) {
        User user = em.find(User.class, userId);
        if (user != null) {
            try (var actor = CurrentTenant.bindUser(userId)) {
                auditInAccountOf(user, action, Map.of("address",
                        RequestOrigin.current().map(RequestOrigin::ip).orElse("-")));
            }
        }
    }

    /** Security events belong to a person, but the audit log to an account: the one they last used. */
    private void auditInAccountOf(User user, String action, Map<String, ?> data) {
        UUID accountId = user.getLastAccountId();
        if (accountId == null) {
            List<Membership> memberships = memberships(user.getId());
            if (memberships.isEmpty()) {
                return;
            }
            accountId = memberships.get(0).accountId();
        }
        try (var tenant = CurrentTenant.bind(accountId)) {
            TransactionSettings.set(em, TransactionSettings.ACCOUNT, accountId);
            audit.record(action, "user", user.getId(), null, data);
        }
    }

    public Optional<SignedInUser> find(UUID userId) {
        User user = em.find(User.class, userId);
        return Optional.ofNullable(user)
                .map(u -> new SignedInUser(u.getId(), u.getEmail(), u.getName(), u.getLastAccountId()));
    }

    /** The accounts this user belongs to, by name. */
    /**
     * Whether the user works at the door: in the account they will land in (their last used one, else the first by
     * name) they are a member limited to some events. They start at check-in instead of the dashboard.
     */
    public boolean startsAtTheDoor(UUID userId) {
        TransactionSettings.set(em, TransactionSettings.USER, userId);
        List<?> rows = em.createNativeQuery("""
                        select au.role = 'member' and au.event_scope is not null and jsonb_typeof(au.event_scope) = 'array'
                        from account_users au
                        join accounts a on a.id = au.account_id
                        join users u on u.id = au.user_id
                        where au.user_id = ?1 and au.status = 'active' and a.status = 'active'
                        order by (au.account_id = u.last_account_id) desc nulls last, a.name
                        limit 1""")
                .setParameter(1, userId)
                .getResultList();
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
    }

    public List<Membership> memberships(UUID userId) {
        TransactionSettings.set(em, TransactionSettings.USER, userId);
        List<Object[]> rows = em.createNativeQuery("""
                        select a.id, a.slug, a.name, au.role, a.require_2fa
                        from account_users au join accounts a on a.id = au.account_id
                        where au.user_id = ?1 and au.status = 'active' and a.status = 'active'
                        order by a.name""")
                .setParameter(1, userId)
                .getResultList();
        return rows.stream()
                .map(r -> new Membership(toUuid(r[0]), (String) r[1], (String) r[2], (String) r[3],
                        Boolean.TRUE.equals(r[4])))
                .toList();
    }

    private static UUID toUuid(Object value) {
        return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }
}
