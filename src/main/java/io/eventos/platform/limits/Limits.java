package io.eventos.platform.limits;

import java.time.Duration;
import java.util.Optional;

/**
 * Every abuse limit of EventOS in one place (docs/security.md explains each one and names its test). Anonymous forms
 * that send email are limited twice: per client address ({@link AddressKey}), so
 * one client cannot flood, with a visible "Too many attempts — try again in N minutes"; and per target email,
 * silently (the page answers its usual neutral sentence, the email is just not sent again), so nobody can bury a
 * victim's mailbox or learn from the answer whether the address is registered. Sign-in is throttled with growing
 * delays instead of locks, so that someone guessing a password cannot lock its owner out.
 */
public final class Limits {

    private Limits() {
    }

    // ---- sign-in (account.service.LoginThrottle) ----

    /** Failed sign-ins from one address, whichever accounts it tries: then that address waits. */
    public static final Limit SIGN_IN_FAILURES_PER_ADDRESS =
            new Limit("sign-in failures per address", 20, Duration.ofMinutes(15));
    /** Failures in a row for one account from one address that cost nothing; each further one makes the next wait. */
    public static final int SIGN_IN_FREE_FAILURES = 2;
    /** Failures in a row for one account from all addresses together before addresses it does not know wait too. */
    public static final int SIGN_IN_ACCOUNT_FREE_FAILURES = 10;
    /** The first wait after the free failures; every further failure doubles it ... */
    public static final Duration SIGN_IN_FIRST_DELAY = Duration.ofSeconds(2);
    /** ... up to this. */
    public static final Duration SIGN_IN_LONGEST_DELAY = Duration.ofMinutes(15);
    /** An address the account signed in from successfully this recently is its owner's: the account-wide wait spares it. */
    public static final Duration SIGN_IN_KNOWN_ADDRESS_FOR = Duration.ofDays(90);

    // ---- anonymous forms that send email ----

    /** "Forgot your password?" requests from one address. */
    public static final Limit PASSWORD_RESETS_PER_ADDRESS =
            new Limit("password reset requests per address", 10, Duration.ofHours(1));
    /** Password reset emails to one email address (silent: the 4th request within the hour sends nothing). */
    public static final Limit PASSWORD_RESETS_PER_EMAIL =
            new Limit("password reset emails per email", 3, Duration.ofHours(1));
    /** "Find my orders" requests from one address. */
    public static final Limit ORDER_LINKS_PER_ADDRESS =
            new Limit("order link requests per address", 10, Duration.ofHours(1));
    /** Order-link emails to one email address, over all organizers (silent). */
    public static final Limit ORDER_LINKS_PER_EMAIL =
            new Limit("order link emails per email", 3, Duration.ofHours(1));
    /** Sign-ups from one address (forms that pass the checks; a corrected typo costs nothing). */
    public static final Limit SIGN_UPS_PER_ADDRESS =
            new Limit("sign-ups per address", 10, Duration.ofHours(1));
    /** Emails that sign-up sends to one address, e.g. "someone tried to sign up with your address" (silent). */
    public static final Limit SIGN_UPS_PER_EMAIL =
            new Limit("sign-up emails per email", 3, Duration.ofHours(1));

    // ---- the weekly summary's unsubscribe link (account.service.WeeklySummaryUnsubscribe) ----

    /**
     * Unsubscribe links that did not verify (changed, made up, revoked) from one address: then that address waits,
     * whatever link it brings. Valid links are not counted: their signature cannot be guessed, and the mail
     * providers that post one-click unsubscribes (RFC 8058) send many users' requests from few addresses.
     */
    public static final Limit UNSUBSCRIBE_FAILURES_PER_ADDRESS =
            new Limit("unsubscribe link failures per address", 20, Duration.ofMinutes(15));

    // ---- holding tickets (ticketing.service.CheckoutService, OpenHolds) ----

    /**
     * Unfinished checkouts one client address may have open at once (a hold counts until it becomes an order, is
     * given back or runs out); more are refused with a sentence. EVENTOS_LIMITS_OPEN_HOLDS_PER_ADDRESS overrides it
     * (an office or campus behind one address that sells many tickets at once may need more).
     */
    public static final int OPEN_HOLDS_PER_ADDRESS = 10;
    /** The setting that overrides {@link #OPEN_HOLDS_PER_ADDRESS}. */
    public static final String OPEN_HOLDS_PER_ADDRESS_KEY = "eventos.limits.open-holds-per-address";
    /** The most tickets one hold may take, whatever the ticket types' own per-order maximums add up to. */
    public static final int TICKETS_PER_HOLD = 50;
    /**
     * How long tickets stay held before the buyer has opened the checkout form (the details step); opening it gives
     * the hold the event's full time. Tickets taken by a script that never opens the form go back on sale soon.
     */
    public static final Duration HOLD_BEFORE_DETAILS = Duration.ofMinutes(5);
    /**
     * Addresses typed at one checkout that its hold keeps ({@code CheckoutService.rememberEmail}, for the CRM's
     * "abandoned checkout"): enough for a buyer correcting typos; more are ignored silently (the hold keeps the last
     * one it took), so a script cannot rotate one hold through a list of other people's addresses.
     */
    public static final Limit REMEMBERED_EMAILS_PER_CHECKOUT =
            new Limit("addresses remembered per checkout", 5, Duration.ofMinutes(15));
    /**
     * Addresses kept by the holds of one client address, whatever checkout they come from (silent as above): with
     * {@link #OPEN_HOLDS_PER_ADDRESS} checkouts open, a client could otherwise plant 50 new addresses every few
     * minutes, and every call is a database write. Generous, because many buyers can share one address (an office,
     * a campus) and the sale itself never depends on it: past it, only the CRM's "abandoned checkout" misses them.
     */
    public static final Limit REMEMBERED_EMAILS_PER_ADDRESS =
            new Limit("addresses remembered per client address", 100, Duration.ofHours(1));
    /** Audit records of refused hold bursts, per address and event: the organizer sees one, not thousands. */
    public static final Limit HOLD_BURST_RECORDS =
            new Limit("hold burst records per address and event", 1, Duration.ofMinutes(15));

    /**
     * The wait after the {@code failures}-th failure in a row when the first {@code free} ones cost nothing:
     * {@link #SIGN_IN_FIRST_DELAY} after the first one that counts, doubling with each further one, never longer than
     * {@link #SIGN_IN_LONGEST_DELAY} (2 s, 4 s, 8 s, ... 512 s, 15 min, 15 min, ...).
     */
    public static Optional<Duration> growingDelay(int failures, int free) {
        int counted = failures - free;
        if (counted <= 0) {
            return Optional.empty();
        }
        long longest = SIGN_IN_LONGEST_DELAY.toMillis();
        long delay = counted > 40 ? longest
                : Math.min(longest, SIGN_IN_FIRST_DELAY.toMillis() << (counted - 1));
        return Optional.of(Duration.ofMillis(delay));
    }

    /** The sentence for a refused request: "Too many attempts — try again in 14 minutes." */
    public static String tooManyAttempts(Duration wait) {
        return "Too many attempts — try again " + inWords(wait) + ".";
    }

    /** Plain words for a wait: "in 14 minutes", "in 4 seconds", "in 2 hours". */
    public static String inWords(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return "in " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes <= 90) {
            return "in " + minutes + " minutes";
        }
        return "in " + ((minutes + 59) / 60) + " hours";
    }
}
