package io.eventos.account.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The rules that slow down and then stop password guessing.
 * <ul>
 *   <li>Per account (user): the 3rd and 4th failures in a row make the next attempt wait 2 and 4 seconds; the 5th
 *       locks the account for 15 minutes, during which even the right password is refused. A success resets it.
 *       Stored on the user row (failed_login_count, locked_until: the short waits and the lock are the same
 *       column), so every instance sees it.</li>
 *   <li>Per client address: 20 failures within 15 minutes lock that address for 15 minutes, whichever accounts it
 *       tried (guessing across many accounts). Kept in memory of this instance: EventOS runs one instance per
 *       database today; a cluster would move this to the database.</li>
 * </ul>
 */
@ApplicationScoped
public class LoginThrottle {

    static final int LOCK_AFTER = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final int ADDRESS_LIMIT = 20;

    private final ConcurrentMap<String, AddressFailures> addresses = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    /** How long an account locked until {@code lockedUntil} must still wait, if at all. */
    Optional<Duration> accountWait(Instant lockedUntil) {
        Instant now = clock.instant();
        return lockedUntil != null && now.isBefore(lockedUntil)
                ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
    }

    /** Until when the account waits after its {@code failures}-th failure in a row (nothing before the 3rd). */
    Optional<Instant> lockAfterFailure(int failures) {
        if (failures >= LOCK_AFTER) {
            return Optional.of(clock.instant().plus(LOCK_FOR));
        }
        return failures >= 3 ? Optional.of(clock.instant().plusSeconds(1L << (failures - 2))) : Optional.empty();
    }

    /** How long this client address must still wait, if at all. */
    public Optional<Duration> addressWait(String address) {
        if (address == null) {
            return Optional.empty();
        }
        AddressFailures state = addresses.get(address);
        Instant now = clock.instant();
        if (state == null) {
            return Optional.empty();
        }
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            return Optional.of(Duration.between(now, state.lockedUntil()));
        }
        return Optional.empty();
    }

    void addressFailed(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        addresses.compute(address, (key, state) -> {
            if (state == null || now.isAfter(state.windowStart().plus(LOCK_FOR))) {
                return new AddressFailures(now, 1, null);
            }
            int count = state.count() + 1;
            return new AddressFailures(state.windowStart(), count,
                    count >= ADDRESS_LIMIT ? now.plus(LOCK_FOR) : state.lockedUntil());
        });
        if (addresses.size() > 100_000) {
            addresses.entrySet().removeIf(e -> now.isAfter(e.getValue().windowStart().plus(LOCK_FOR.multipliedBy(2))));
        }
    }

    /** Plain words for a wait: "in 14 minutes", "in 4 seconds". */
    public static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 90) {
            return "in " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return "in " + minutes + " minutes";
    }

    private record AddressFailures(Instant windowStart, int count, Instant lockedUntil) {
    }
}
