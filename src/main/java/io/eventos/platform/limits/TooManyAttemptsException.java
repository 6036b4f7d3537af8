package io.eventos.platform.limits;

import jakarta.ejb.ApplicationException;

import java.time.Duration;

/**
 * A limit of {@link Limits} refused a request from this client: the page says so in one sentence
 * ({@link #getMessage()}, "Too many attempts — try again in 14 minutes.") and keeps what was typed. Nothing was
 * done or sent.
 */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration wait;

    public TooManyAttemptsException(Duration wait) {
        super(Limits.tooManyAttempts(wait));
        this.wait = wait;
    }

    /** How long until the same request would be accepted. */
    public Duration waitFor() {
        return wait;
    }
}
