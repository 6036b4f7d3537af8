package io.eventos.account.service;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of a password check: the user (with their session generation at that moment, which the session is
 * stamped with), or a refusal, or "too many failures, wait" ({@link #throttledFor}, nothing was checked). A refusal
 * may say how long the next try from this address must wait ({@link #nextTryIn}).
 */
public record SignInResult(SignedInUser user, long sessionGeneration, Duration waitFor, Duration waitAfterFailure) {

    static SignInResult ok(SignedInUser user, long sessionGeneration) {
        return new SignInResult(user, sessionGeneration, null, null);
    }

    static SignInResult refused() {
        return new SignInResult(null, 0, null, null);
    }

    static SignInResult refused(Optional<Duration> nextTryIn) {
        return new SignInResult(null, 0, null, nextTryIn.orElse(null));
    }

    static SignInResult throttled(Duration waitFor) {
        return new SignInResult(null, 0, waitFor, null);
    }

    public Optional<SignedInUser> signedIn() {
        return Optional.ofNullable(user);
    }

    /** The try was refused without looking at the password: this long to wait. */
    public Optional<Duration> throttledFor() {
        return Optional.ofNullable(waitFor);
    }

    /** The password was wrong, and the next try from this address must wait this long. */
    public Optional<Duration> nextTryIn() {
        return Optional.ofNullable(waitAfterFailure);
    }
}
