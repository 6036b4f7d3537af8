package io.eventos.account.service;

import io.eventos.account.domain.PasswordPolicy;
import io.eventos.account.domain.User;
import io.eventos.account.domain.UserStatus;
import io.eventos.platform.limits.Limits;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.RequestMemo;
import io.eventos.platform.tenancy.TransactionSettings;
import io.eventos.platform.tenancy.RequestOrigin;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    @Inject
    SessionGenerations sessions;

    Clock clock = Clock.systemUTC();

    /**
     * Checks a password with the throttle of {@link LoginThrottle}: a try that must wait is refused before the
     * password is even looked at, and a failure makes the next try from this address (and, after many, from
     * addresses the account does not know) wait longer. Failures of a known user go to the audit log of their (last
     * used) account; a success is only the first step: {@link #completeSignIn} ends it (after the second factor,
     * where that is on). The result carries the user's session generation as of this check.
     */
    public SignInResult authenticate(String email, String password, String address) {
        if (email == null || password == null || email.isBlank()) {
            return SignInResult.refused();
        }
        Optional<Duration> addressWait = throttle.addressWait(address);
        if (addressWait.isPresent()) {
            return SignInResult.throttled(addressWait.get());
        }
        String emailKey = LoginThrottle.emailKey(email);
        String addressKey = LoginThrottle.addressKey(address);
        List<User> users = em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        User user = users.isEmpty() ? null : users.get(0);
        LoginThrottle.AddressState state = addressState(emailKey, addressKey, true);
        Optional<Duration> wait = throttle.waitFor(user == null ? null : user.getLockedUntil(), state);
        if (wait.isPresent()) {
            return SignInResult.throttled(wait.get());
        }
        if (user == null) {
            hasher.hash(password); // same work as a real check, so timing does not reveal registered emails
            return failed(null, emailKey, addressKey, address, "password");
        }
        if (user.getStatus() != UserStatus.ACTIVE || !hasher.verify(password, user.getPasswordHash())) {
            return failed(user, emailKey, addressKey, address, "password");
        }
        return SignInResult.ok(new SignedInUser(user.getId(), user.getEmail(), user.getName(),
                user.getLastAccountId()), sessionGenerationOf(user.getId()));
    }

    /** The second factor was wrong: counts like a wrong password (a 6-digit code must not be guessable). */
    public SignInResult secondFactorFailed(UUID userId, String address) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        return user == null ? SignInResult.refused()
                : failed(user, LoginThrottle.emailKey(user.getEmail()), LoginThrottle.addressKey(address), address,
                        "second factor");
    }

    /**
     * The sign-in is complete: failures are forgotten, this address becomes one the account knows, and the success
     * is audited. False (and nothing is done) when the user's sessions were ended since the password was checked
     * ({@code sessionGeneration} from {@link #authenticate}): e.g. the password was reset meanwhile.
     */
    public boolean completeSignIn(UUID userId, long sessionGeneration, String address) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.getStatus() != UserStatus.ACTIVE || sessionGenerationOf(userId) != sessionGeneration) {
            return false;
        }
        user.setFailedLoginCount(0);
        user.setLockedUntil(null);
        user.setLastLoginAt(clock.instant());
        em.createNativeQuery("""
                        insert into sign_in_addresses (email, address, failures_in_a_row, wait_until, last_success_at)
                        values (?1, ?2, 0, null, ?3)
                        on conflict (email, address) do update
                        set failures_in_a_row = 0, wait_until = null, last_success_at = excluded.last_success_at,
                            updated_at = now()""")
                .setParameter(1, LoginThrottle.emailKey(user.getEmail()))
                .setParameter(2, LoginThrottle.addressKey(address))
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
        try (var actor = CurrentTenant.bindUser(user.getId())) {
            auditInAccountOf(user, "login.succeeded", Map.of("address", String.valueOf(address)));
        }
        return true;
    }

    private SignInResult failed(User user, String emailKey, String addressKey, String address, String what) {
        throttle.addressFailed(address);
        int failures = addressState(emailKey, addressKey, false).failuresInARow() + 1;
        Optional<Instant> addressWait = throttle.addressWaitAfter(failures);
        em.createNativeQuery("""
                        insert into sign_in_addresses (email, address, failures_in_a_row, wait_until)
                        values (?1, ?2, ?3, ?4)
                        on conflict (email, address) do update
                        set failures_in_a_row = excluded.failures_in_a_row, wait_until = excluded.wait_until,
                            updated_at = now()""")
                .setParameter(1, emailKey)
                .setParameter(2, addressKey)
                .setParameter(3, failures)
                .setParameter(4, addressWait.map(Timestamp::from).orElse(null))
                .executeUpdate();
        forgetOldAddressesNowAndThen();
        if (user == null) {
            return SignInResult.refused(addressWait.flatMap(throttle::remaining));
        }
        int accountFailures = user.getFailedLoginCount() + 1;
        user.setFailedLoginCount(accountFailures);
        user.setLockedUntil(throttle.accountWaitAfter(accountFailures).orElse(null));
        auditInAccountOf(user, "login.failed", Map.of("failures_in_a_row", failures,
                "account_failures_in_a_row", accountFailures, "wrong", what, "address", String.valueOf(address)));
        return SignInResult.refused(addressWait.flatMap(throttle::remaining));
    }

    /**
     * What sign-in knows of this email and address. {@code lock}: the row (if any) stays locked to the end of the
     * transaction, so two tries at once from one address count twice.
     */
    private LoginThrottle.AddressState addressState(String emailKey, String addressKey, boolean lock) {
        List<Object[]> rows = em.createNativeQuery("""
                        select failures_in_a_row, wait_until, last_success_at from sign_in_addresses
                        where email = ?1 and address = ?2""" + (lock ? " for update" : ""))
                .setParameter(1, emailKey)
                .setParameter(2, addressKey)
                .getResultList();
        if (rows.isEmpty()) {
            return LoginThrottle.AddressState.NEW;
        }
        Object[] row = rows.get(0);
        return new LoginThrottle.AddressState(((Number) row[0]).intValue(), instant(row[1]), instant(row[2]));
    }

    /**
     * About one failure in a hundred also deletes rows nobody needs any more: no failure for a day and no success
     * the account could still count on.
     */
    private void forgetOldAddressesNowAndThen() {
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(100) == 0) {
            em.createNativeQuery("""
                            delete from sign_in_addresses
                            where updated_at < now() - interval '1 day'
                              and (wait_until is null or wait_until < now())
                              and (last_success_at is null or last_success_at < ?1)""")
                    .setParameter(1, Timestamp.from(clock.instant().minus(Limits.SIGN_IN_KNOWN_ADDRESS_FOR)))
                    .executeUpdate();
        }
    }

    /**
     * The signed-in user changes their own password: the current one must be right (a wrong one counts like a wrong
     * password at sign-in, so a stolen session cannot guess it), the new one must follow {@link PasswordPolicy}.
     * Every session of the user ends ({@link SessionGenerations#endAll}); the result carries the new generation, so
     * the caller keeps the session the change was made in.
     */
    public PasswordChange changePassword(UUID userId, String currentPassword, String newPassword, String address) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.getStatus() != UserStatus.ACTIVE) {
            return PasswordChange.refused(PasswordChange.CURRENT, "Your user cannot change its password right now.");
        }
        String emailKey = LoginThrottle.emailKey(user.getEmail());
        String addressKey = LoginThrottle.addressKey(address);
        Optional<Duration> wait = throttle.addressWait(address)
                .or(() -> throttle.waitFor(user.getLockedUntil(), addressState(emailKey, addressKey, true)));
        if (wait.isPresent()) {
            return PasswordChange.refused(PasswordChange.CURRENT, Limits.tooManyAttempts(wait.get()));
        }
        if (currentPassword == null || currentPassword.isEmpty()
                || !hasher.verify(currentPassword, user.getPasswordHash())) {
            Optional<Duration> next = failed(user, emailKey, addressKey, address, "current password").nextTryIn();
            return PasswordChange.refused(PasswordChange.CURRENT, "This is not your current password. Try again"
                    + next.map(w -> " " + Limits.inWords(w)).orElse("") + ".");
        }
        Optional<String> problem = PasswordPolicy.problem(newPassword, user.getEmail());
        if (problem.isPresent()) {
            return PasswordChange.refused(PasswordChange.NEW, problem.get());
        }
        user.setPasswordHash(hasher.hash(newPassword));
        long generation = sessions.endAll(em, userId);
        auditSecurityChange(userId, "user.password_changed");
        return PasswordChange.changed(generation);
    }

    /** Forgets the failed sign-ins for this email from the request's address (its owner proved who they are). */
    public void forgetFailuresFromHere(String email) {
        em.createNativeQuery("""
                        update sign_in_addresses set failures_in_a_row = 0, wait_until = null, updated_at = now()
                        where email = ?1 and address = ?2""")
                .setParameter(1, LoginThrottle.emailKey(email))
                .setParameter(2, LoginThrottle.addressKey(RequestOrigin.current().map(RequestOrigin::ip).orElse(null)))
                .executeUpdate();
    }

    /** How long sign-in is refused for this email and address right now, if it is. */
    public Optional<Duration> waitBeforeSignIn(String email, String address) {
        Optional<Duration> addressWait = throttle.addressWait(address);
        if (addressWait.isPresent() || email == null || email.isBlank()) {
            return addressWait;
        }
        List<User> users = em.createQuery("select u from User u where lower(u.email) = :email", User.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .getResultList();
        return throttle.waitFor(users.isEmpty() ? null : users.get(0).getLockedUntil(),
                addressState(LoginThrottle.emailKey(email), LoginThrottle.addressKey(address), false));
    }

    /**
     * The user's session generation, if they may be signed in at all (an active user): a session stamped with an
     * older one has ended ({@link SessionGenerations}).
     */
    public java.util.OptionalLong sessionGeneration(UUID userId) {
        List<?> rows = em.createNativeQuery("select session_generation from users where id = ?1 and status = 'active'")
                .setParameter(1, userId)
                .getResultList();
        return rows.isEmpty() ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(((Number) rows.get(0)).longValue());
    }

    private long sessionGenerationOf(UUID userId) {
        return sessionGeneration(userId).orElse(-1);
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
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

    /**
     * The accounts this user belongs to, by name: read once per web request ({@link RequestMemo}) for the header,
     * the switcher and the permission checks ({@link MembershipAuthorizer}) alike.
     */
    public List<Membership> memberships(UUID userId) {
        return RequestMemo.get(membershipsKey(userId), () -> readMemberships(userId));
    }

    static List<Object> membershipsKey(UUID userId) {
        return List.of("memberships", userId);
    }

    private List<Membership> readMemberships(UUID userId) {
        TransactionSettings.set(em, TransactionSettings.USER, userId);
        List<Object[]> rows = em.createNativeQuery("""
                        select a.id, a.slug, a.name, au.role, a.require_2fa, au.event_scope::text, a.logo_media_id
                        from account_users au join accounts a on a.id = au.account_id
                        where au.user_id = ?1 and au.status = 'active' and a.status = 'active'
                        order by a.name""")
                .setParameter(1, userId)
                .getResultList();
        return rows.stream()
                .map(r -> new Membership(toUuid(r[0]), (String) r[1], (String) r[2], (String) r[3],
                        Boolean.TRUE.equals(r[4]), MembershipAuthorizer.parseScope((String) r[5]),
                        r[6] == null ? null : toUuid(r[6])))
                .toList();
    }

    private static UUID toUuid(Object value) {
        return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }
}
