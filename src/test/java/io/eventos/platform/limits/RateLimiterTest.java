package io.eventos.platform.limits;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final Limit THREE_AN_HOUR = new Limit("test", 3, Duration.ofHours(1));

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2027-01-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final RateLimiter limiter = new RateLimiter(clock);

    @Test
    void theFourthAttemptWithinTheWindowIsRefusedUntilTheFirstLeavesIt() {
        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "victim@example.test")).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "victim@example.test")).isEmpty();
        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "victim@example.test")).isEmpty();
        assertThat(limiter.waitFor(THREE_AN_HOUR, "victim@example.test")).contains(Duration.ofMinutes(50));

        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "victim@example.test")).contains(Duration.ofMinutes(50));
        clock.advance(Duration.ofMinutes(49));
        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "victim@example.test")).as("refusals are not counted")
                .contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "victim@example.test")).as("the first left the window").isEmpty();
        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "victim@example.test")).as("the 2nd and 3rd are still in it")
                .contains(Duration.ofMinutes(10));
    }

    @Test
    void keysAndLimitsAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(THREE_AN_HOUR, "203.0.113.9");
        }
        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "203.0.113.9")).isPresent();
        assertThat(limiter.tryAcquire(THREE_AN_HOUR, "198.51.100.7")).isEmpty();
        assertThat(limiter.tryAcquire(new Limit("other", 3, Duration.ofHours(1)), "203.0.113.9")).isEmpty();
    }

    @Test
    void recordedEventsCountWhateverTheLimitSaysAndTheNewestDecide() {
        for (int i = 0; i < 5; i++) {
            limiter.record(THREE_AN_HOUR, "203.0.113.9");
            clock.advance(Duration.ofMinutes(1));
        }
        // events at 0..4 minutes; the newest three (2, 3, 4) keep it closed until 2 minutes past the hour
        assertThat(limiter.waitFor(THREE_AN_HOUR, "203.0.113.9")).contains(Duration.ofMinutes(57));
        limiter.forget(THREE_AN_HOUR, "203.0.113.9");
        assertThat(limiter.waitFor(THREE_AN_HOUR, "203.0.113.9")).isEmpty();
    }

    @Test
    void withoutAKeyNothingIsLimited() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(THREE_AN_HOUR, null)).isEmpty();
        }
        assertThat(limiter.size()).isZero();
    }

    @Test
    void memoryStaysBounded() {
        Limit once = new Limit("once", 1, Duration.ofSeconds(1));
        for (int i = 0; i < RateLimiter.MAX_KEYS + 10; i++) {
            limiter.tryAcquire(once, "k" + i);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(RateLimiter.MAX_KEYS);
        clock.advance(Duration.ofSeconds(2));
        limiter.tryAcquire(once, "late");
        limiter.tryAcquire(once, "late-2");
        assertThat(limiter.size()).isLessThanOrEqualTo(RateLimiter.MAX_KEYS);
    }
}
