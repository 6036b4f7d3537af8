package io.eventos.testing;

import java.time.Duration;

/**
 * Waiting in a test for something to become true: look, and look again after a short pause, until it is so or the
 * time is up. Tests never sleep a fixed time instead: a fixed sleep is too short on a busy machine and wasted on an
 * idle one. (Browser waits are Selenium's {@code WebDriverWait} with {@link Browser#POLL}.) Deployed with the
 * in-container tests too ({@link SuiteDeployment}).
 */
public final class Poll {

    /** What a poll looks at; an answer of null or {@code false} means "not yet". */
    @FunctionalInterface
    public interface Probe<T, E extends Exception> {
        T look() throws E;
    }

    private Poll() {
    }

    /**
     * Looks at {@code probe} every {@code every} until it answers something (not null, not {@code false}) and returns
     * that answer; after {@code timeout} fails, naming {@code what} was awaited and the last answer.
     */
    public static <T, E extends Exception> T until(String what, Duration timeout, Duration every, Probe<T, E> probe)
            throws E, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T answer = probe.look();
            if (answer != null && !Boolean.FALSE.equals(answer)) {
                return answer;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s (last: " + answer + ")");
            }
            Thread.sleep(every.toMillis());
        }
    }
}
