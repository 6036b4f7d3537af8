package io.eventos.account.service;

import io.eventos.account.domain.Account;
import io.eventos.account.domain.AccountSlug;
import io.eventos.account.domain.PasswordPolicy;
import io.eventos.account.domain.User;
import io.eventos.account.service.SignUpException.Field;
import io.eventos.platform.limits.AddressKey;
import io.eventos.platform.limits.Limits;
import io.eventos.platform.limits.RateLimiter;
import io.eventos.platform.limits.TooManyAttemptsException;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Sign-up (a new user with their first account) and further accounts for a signed-in user. Each account is written
 * in one transaction by {@link NewAccountWriter}, bound to the new account's id (work across accounts binds each
 * account explicitly). Runs without a transaction of its own: the slug is chosen with {@code account_id_by_slug}
 * and, when another sign-up took it meanwhile (or a suspended account holds it, which that function does not
 * report), the write is retried with the next suffix. Sign-up answers a registered email exactly like a new one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignUpService {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 320;

    public static final String NAME_MISSING = "Enter your name.";
    public static final String NAME_TOO_LONG = "Use at most " + MAX_NAME + " characters.";
    public static final String EMAIL_MISSING = "Enter your email address.";
    public static final String EMAIL_INVALID = "Enter an email address like name@example.com.";
    public static final String ORGANIZATION_MISSING = "Enter the name of your organization.";
    public static final String PASSWORD_MISSING = "Choose a password.";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final int SLUG_ATTEMPTS = 50;
    private static final Logger LOG = Logger.getLogger(SignUpService.class.getName());

    /** What the sign-up form sends. */
    public record SignUpForm(String name, String email, String password, String organization) {
    }

    /** The new user and their account. */
    public record Created(UUID userId, UUID accountId, String accountSlug) {
    }

    @EJB
    NewAccountWriter writer;
    @EJB
    AccountDirectory accounts;
    @Inject
    PasswordHasher hasher;
    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    RateLimiter limiter;
    @EJB
    SignUpAttempts attempts;

    /**
     * Creates the user (PBKDF2 hash), the account with a unique slug, the owner membership and the audit entry
     * "account.created", and mails an email verification link ({@code baseUrl}: the application's address). For an
     * email that already has a user it creates nothing and mails that user instead ("someone tried to sign up with
     * your address": sign in or reset the password), with the same work and the same (empty) answer, so the caller
     * cannot tell the two apart and the form cannot be used to find out who is registered.
     * {@code address} is the client's ({@code ClientAddress}): at most {@link Limits#SIGN_UPS_PER_ADDRESS} sign-ups
     * that pass the checks per address; at most {@link Limits#SIGN_UPS_PER_EMAIL} such mails per email (more are
     * not sent, silently).
     *
     * @throws SignUpException with one sentence per field that needs another value
     * @throws TooManyAttemptsException when this address signed up too often
     */
    public void signUp(SignUpForm form, String baseUrl, String address) {
        String name = strip(form.name());
        String email = strip(form.email());
        String organization = strip(form.organization());
        Map<Field, String> problems = new EnumMap<>(Field.class);
        if (name.isEmpty()) {
            problems.put(Field.NAME, NAME_MISSING);
        } else if (name.length() > MAX_NAME) {
            problems.put(Field.NAME, NAME_TOO_LONG);
        }
        if (email.isEmpty()) {
            problems.put(Field.EMAIL, EMAIL_MISSING);
        } else if (!isEmailAddress(email)) {
            problems.put(Field.EMAIL, EMAIL_INVALID);
        }
        if (form.password() == null || form.password().isEmpty()) {
            problems.put(Field.PASSWORD, PASSWORD_MISSING);
        } else {
            PasswordPolicy.problem(form.password(), email).ifPresent(p -> problems.put(Field.PASSWORD, p));
        }
        organizationProblem(organization).ifPresent(p -> problems.put(Field.ORGANIZATION, p));
        if (!problems.isEmpty()) {
            throw new SignUpException(problems, false);
        }
        limiter.tryAcquire(Limits.SIGN_UPS_PER_ADDRESS, AddressKey.of(address)).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        String hash = hasher.hash(form.password()); // for a known email too: the same work, the same time
        if (emailInUse(email)) {
            tellTheOwner(email, baseUrl);
            return;
        }
        String base = AccountSlug.from(organization);
        int attempt = 1;
        for (int tries = 0; tries < SLUG_ATTEMPTS; tries++) {
            attempt = firstFreeAttempt(base, attempt);
            User user = new User(email, name);
            user.setPasswordHash(hash);
            Account account = new Account(AccountSlug.withSuffix(base, attempt), organization);
            account.setContactEmail(email);
            try (var tenant = CurrentTenant.bind(account.getId()); var actor = CurrentTenant.bindUser(user.getId())) {
                writer.writeSignUp(user, account, baseUrl);
                LOG.info(() -> "Signed up user " + user.getId() + " with account " + account.getSlug());
                return;
            } catch (NewAccountWriter.Taken taken) {
                if (taken.email()) {
                    tellTheOwner(email, baseUrl); // registered meanwhile: the same answer as above
                    return;
                }
                attempt++;
            }
        }
        throw new IllegalStateException("No free slug for " + base + " after " + SLUG_ATTEMPTS + " attempts");
    }

    /** Someone signed up with the address of an existing user: that user hears of it (within the per-email limit). */
    private void tellTheOwner(String email, String baseUrl) {
        if (limiter.tryAcquire(Limits.SIGN_UPS_PER_EMAIL, email.toLowerCase(Locale.ROOT)).isPresent()) {
            LOG.info("Sign-up with a registered address; its owner was told too often within the hour: not again.");
            return;
        }
        attempts.tellTheOwner(email, baseUrl);
    }

    /**
     * A further account for the signed-in user {@code userId}, who becomes its owner; their next sign-in lands in it.
     *
     * @throws SignUpException (field ORGANIZATION) when the name is missing or too long
     */
    public Created createAccount(UUID userId, String organizationName) {
        String organization = strip(organizationName);
        organizationProblem(organization).ifPresent(p -> {
            throw new SignUpException(Map.of(Field.ORGANIZATION, p), false);
        });
        String base = AccountSlug.from(organization);
        int attempt = 1;
        for (int tries = 0; tries < SLUG_ATTEMPTS; tries++) {
            attempt = firstFreeAttempt(base, attempt);
            Account account = new Account(AccountSlug.withSuffix(base, attempt), organization);
            try (var tenant = CurrentTenant.bind(account.getId()); var actor = CurrentTenant.bindUser(userId)) {
                writer.writeAnotherAccount(userId, account);
                LOG.info(() -> "User " + userId + " created account " + account.getSlug());
                return new Created(userId, account.getId(), account.getSlug());
            } catch (NewAccountWriter.Taken taken) {
                attempt++;
            }
        }
        throw new IllegalStateException("No free slug for " + base + " after " + SLUG_ATTEMPTS + " attempts");
    }

    /** Whether {@code email} (stripped) looks like an address mail can reach: name@domain.tld, at most 320 characters. */
    static boolean isEmailAddress(String email) {
        return email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
    }

    /** Whether a user has this email address (compared in lower case, like the unique index; users are global). */
    private boolean emailInUse(String email) {
        return !em.createQuery("select u.id from User u where lower(u.email) = :email", UUID.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    private int firstFreeAttempt(String base, int from) {
        int attempt = from;
        while (accounts.accountIdBySlug(AccountSlug.withSuffix(base, attempt)).isPresent()) {
            attempt++;
        }
        return attempt;
    }

    private static java.util.Optional<String> organizationProblem(String organization) {
        if (organization.isEmpty()) {
            return java.util.Optional.of(ORGANIZATION_MISSING);
        }
        if (organization.length() > MAX_NAME) {
            return java.util.Optional.of(NAME_TOO_LONG);
        }
        return java.util.Optional.empty();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
