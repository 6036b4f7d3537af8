package io.eventos.account.service;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();

    private void at(Instant now) {
        throttle.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    @Test
    void theThirdAndFourthFailuresWaitBrieflyAndTheFifthLocksForFifteenMinutes() {
        Instant now = Instant.parse("2027-01-01T10:00:00Z");
        at(now);
        assertThat(throttle.lockAfterFailure(1)).isEmpty();
        assertThat(throttle.lockAfterFailure(2)).isEmpty();
        assertThat(throttle.lockAfterFailure(3)).contains(now.plusSeconds(2));
        assertThat(throttle.lockAfterFailure(4)).contains(now.plusSeconds(4));
        assertThat(throttle.lockAfterFailure(5)).contains(now.plus(Duration.ofMinutes(15)));
        assertThat(throttle.accountWait(now.plusSeconds(2))).contains(Duration.ofSeconds(2));
        at(now.plusSeconds(2));
        assertThat(throttle.accountWait(now.plusSeconds(2))).isEmpty();
    }

    @Test
    void anAddressGuessingAcrossAccountsIsLockedAfterTwentyFailuresAndFreedLater() {
        Instant now = Instant.parse("2027-01-01T10:00:00Z");
        at(now);
        for (int i = 0; i < 19; i++) {
            throttle.addressFailed("203.0.113.9");
        }
        assertThat(throttle.addressWait("203.0.113.9")).isEmpty();
        throttle.addressFailed("203.0.113.9");
        assertThat(throttle.addressWait("203.0.113.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.addressWait("198.51.100.7")).as("other addresses are not affected").isEmpty();
        at(now.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(throttle.addressWait("203.0.113.9")).isEmpty();
    }

    @Test
    void waitsAreSaidInPlainWords() {
        assertThat(LoginThrottle.inWords(Duration.ofSeconds(4))).isEqualTo("in 4 seconds");
        assertThat(LoginThrottle.inWords(Duration.ofMillis(300))).isEqualTo("in 1 second");
        assertThat(LoginThrottle.inWords(Duration.ofSeconds(14 * 60 + 30))).isEqualTo("in 15 minutes");
    }
}
