package io.eventos.account.service;

import io.eventos.account.service.LoginThrottle.AddressState;
import io.eventos.platform.limits.RateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle();

    {
        throttle.clock = clock;
        throttle.limiter = new RateLimiter(clock);
    }

    @Test
    void failuresFromOneAddressMakeItWaitLongerAndLongerInsteadOfLockingTheAccount() {
        assertThat(throttle.addressWaitAfter(1)).isEmpty();
        assertThat(throttle.addressWaitAfter(2)).isEmpty();
        assertThat(throttle.addressWaitAfter(3)).contains(NOW.plusSeconds(2));
        assertThat(throttle.addressWaitAfter(4)).contains(NOW.plusSeconds(4));
        assertThat(throttle.addressWaitAfter(5)).contains(NOW.plusSeconds(8));
        assertThat(throttle.addressWaitAfter(8)).contains(NOW.plusSeconds(64));
        assertThat(throttle.addressWaitAfter(30)).contains(NOW.plus(Duration.ofMinutes(15)));

        AddressState guesser = new AddressState(5, NOW.plusSeconds(8), null);
        assertThat(throttle.waitFor(null, guesser)).contains(Duration.ofSeconds(8));
        assertThat(throttle.waitFor(null, AddressState.NEW)).as("another address: no wait at all").isEmpty();
        clock.now = NOW.plusSeconds(8);
        assertThat(throttle.waitFor(null, guesser)).as("the wait is over").isEmpty();
    }

    @Test
    void manyFailuresFromManyAddressesMakeUnknownAddressesWaitButSpareTheOwnersOwn() {
        assertThat(throttle.accountWaitAfter(10)).isEmpty();
        assertThat(throttle.accountWaitAfter(11)).contains(NOW.plusSeconds(2));
        assertThat(throttle.accountWaitAfter(12)).contains(NOW.plusSeconds(4));
        Instant accountWait = NOW.plus(Duration.ofMinutes(3));

        assertThat(throttle.waitFor(accountWait, AddressState.NEW)).as("an address the account does not know")
                .contains(Duration.ofMinutes(3));
        AddressState owners = new AddressState(0, null, NOW.minus(Duration.ofDays(30)));
        assertThat(throttle.waitFor(accountWait, owners)).as("where the owner signed in last month").isEmpty();
        AddressState longAgo = new AddressState(0, null, NOW.minus(Duration.ofDays(91)));
        assertThat(throttle.waitFor(accountWait, longAgo)).as("known no longer after 90 days")
                .contains(Duration.ofMinutes(3));
        AddressState ownersButFailing = new AddressState(4, NOW.plusSeconds(4), NOW.minus(Duration.ofDays(1)));
        assertThat(throttle.waitFor(accountWait, ownersButFailing)).as("an address's own wait counts even there")
                .contains(Duration.ofSeconds(4));
    }

    @Test
    void anAddressGuessingAcrossAccountsWaitsAfterTwentyFailuresAndIsFreedLater() {
        for (int i = 0; i < 19; i++) {
            throttle.addressFailed("203.0.113.9");
        }
        assertThat(throttle.addressWait("203.0.113.9")).isEmpty();
        throttle.addressFailed("203.0.113.9");
        assertThat(throttle.addressWait("203.0.113.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.addressWait("198.51.100.7")).as("other addresses are not affected").isEmpty();
        clock.now = NOW.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(throttle.addressWait("203.0.113.9")).isEmpty();
    }

    @Test
    void anIpv6GuesserCannotEscapeByTakingANewAddressOfItsNetwork() {
        for (int i = 0; i < 20; i++) {
            throttle.addressFailed("2001:db8:7:7::" + Integer.toHexString(i + 1));
        }
        assertThat(throttle.addressWait("2001:db8:7:7::ffff")).contains(Duration.ofMinutes(15));
        assertThat(LoginThrottle.addressKey("2001:db8:7:7::1")).isEqualTo("2001:db8:7:7::/64");
        assertThat(LoginThrottle.addressKey(null)).isEqualTo("-");
        assertThat(LoginThrottle.emailKey("  Owner@Demo.EventOS.test ")).isEqualTo("owner@demo.eventos.test");
    }

    private static final class MovingClock extends Clock {
        Instant now = NOW;

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
}
