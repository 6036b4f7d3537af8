package io.eventos.account.service;

import java.time.Duration;
import java.util.Optional;

/** The outcome of a password check: the user, a refusal, or "too many failures, wait". */
public record SignInResult(SignedInUser user, Duration waitFor) {

    static SignInResult ok(SignedInUser user) {
        return new SignInResult(user, null);
    }

    static SignInResult refused() {
        return new SignInResult(null, null);
    }

    static SignInResult throttled(Duration waitFor) {
        return new SignInResult(null, waitFor);
    }

    public Optional<SignedInUser> signedIn() {
        return Optional.ofNullable(user);
    }

    public Optional<Duration> throttledFor() {
        return Optional.ofNullable(waitFor);
    }
}
