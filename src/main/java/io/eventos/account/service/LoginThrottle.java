package io.eventos.account.service;

import io.eventos.platform.limits.AddressKey;
import io.eventos.platform.limits.Limits;
import io.eventos.platform.limits.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules that slow password guessing down without letting the guesser lock the owner out (the numbers are in
 * {@link Limits}):
 * <ul>
 *   <li>Per email and client address: the first {@value Limits#SIGN_IN_FREE_FAILURES} failures in a row cost
 *       nothing, then each failure makes that address wait before its next try for that email: 2 s, 4 s, 8 s, ...
 *       doubling up to 15 minutes. Another address is not affected, so the owner signs in from their own at once.
 *       Kept in {@code sign_in_addresses} (every instance sees it), for unknown emails too, so the answers do not
 *       tell registered addresses from others. A success from that address starts afresh.</li>
 *   <li>Per account, from all addresses together (guessing from many addresses): after
 *       {@value Limits#SIGN_IN_ACCOUNT_FREE_FAILURES} failures in a row, each further one makes the account wait
 *       (2 s, doubling, up to 15 minutes; {@code users.locked_until}), but only for addresses it has not signed in
 *       from successfully within {@link Limits#SIGN_IN_KNOWN_ADDRESS_FOR}: the owner's own addresses are spared.</li>
 *   <li>Per client address, whichever accounts it tries: {@link Limits#SIGN_IN_FAILURES_PER_ADDRESS} failures
 *       make that address wait ({@link RateLimiter}, in memory of this instance).</li>
 * </ul>
 * Nothing here locks an account: a wait belongs to whoever keeps failing.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Emails longer than any address a user can have are counted by their first characters. */
    static final int MAX_EMAIL_KEY = 320;

    @Inject
    RateLimiter limiter;

    Clock clock = Clock.systemUTC();

    /** What is known about one email and client address: failures in a row, their wait, the last success. */
    record AddressState(int failuresInARow, Instant waitUntil, Instant lastSuccessAt) {
        static final AddressState NEW = new AddressState(0, null, null);
    }

    /** How long this client address must still wait, whichever account it tries, if at all. */
    public Optional<Duration> addressWait(String address) {
        return limiter.waitFor(Limits.SIGN_IN_FAILURES_PER_ADDRESS, AddressKey.of(address));
    }

    void addressFailed(String address) {
        limiter.record(Limits.SIGN_IN_FAILURES_PER_ADDRESS, AddressKey.of(address));
    }

    /**
     * How long a try for an account from an address must still wait: the address's own wait for this email, else
     * the account-wide wait ({@code accountWaitUntil}) unless the account signed in from this address recently.
     */
    Optional<Duration> waitFor(Instant accountWaitUntil, AddressState address) {
        Optional<Duration> own = remaining(address.waitUntil());
        if (own.isPresent() || isKnown(address)) {
            return own;
        }
        return remaining(accountWaitUntil);
    }

    /** Until when this address waits after its {@code failures}-th failure in a row for one email, if at all. */
    Optional<Instant> addressWaitAfter(int failures) {
        return Limits.growingDelay(failures, Limits.SIGN_IN_FREE_FAILURES).map(clock.instant()::plus);
    }

    /** Until when addresses the account does not know wait after its {@code failures}-th failure in a row. */
    Optional<Instant> accountWaitAfter(int failures) {
        return Limits.growingDelay(failures, Limits.SIGN_IN_ACCOUNT_FREE_FAILURES).map(clock.instant()::plus);
    }

    /** Whether the account signed in successfully from this address recently enough to call it its owner's. */
    boolean isKnown(AddressState address) {
        return address.lastSuccessAt() != null
                && address.lastSuccessAt().isAfter(clock.instant().minus(Limits.SIGN_IN_KNOWN_ADDRESS_FOR));
    }

    Optional<Duration> remaining(Instant until) {
        Instant now = clock.instant();
        return until != null && now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** The email as sign-in counts it: trimmed, lower case, at most {@value #MAX_EMAIL_KEY} characters. */
    static String emailKey(String email) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_EMAIL_KEY ? key.substring(0, MAX_EMAIL_KEY) : key;
    }

    /** The address as sign-in counts it ({@link AddressKey}); "-" when there is none. */
    static String addressKey(String address) {
        String key = AddressKey.of(address);
        return key == null ? "-" : key;
    }
}
