package io.eventos.platform.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsTest {

    @Test
    void delaysStartAfterTheFreeFailuresThenDoubleUpToFifteenMinutes() {
        List<Long> seconds = new ArrayList<>();
        for (int failures = 1; failures <= 14; failures++) {
            seconds.add(Limits.growingDelay(failures, 2).map(Duration::toSeconds).orElse(0L));
        }
        assertThat(seconds).containsExactly(0L, 0L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L, 900L);
        assertThat(Limits.growingDelay(1_000_000, 2)).contains(Limits.SIGN_IN_LONGEST_DELAY);
    }

    @Test
    void refusalsSayHowLongInPlainWords() {
        assertThat(Limits.tooManyAttempts(Duration.ofMinutes(14).plusSeconds(10)))
                .isEqualTo("Too many attempts — try again in 15 minutes.");
        assertThat(Limits.inWords(Duration.ofSeconds(4))).isEqualTo("in 4 seconds");
        assertThat(Limits.inWords(Duration.ofMillis(300))).isEqualTo("in 1 second");
        assertThat(Limits.inWords(Duration.ofSeconds(14 * 60 + 30))).isEqualTo("in 15 minutes");
        assertThat(Limits.inWords(Duration.ofMinutes(59))).isEqualTo("in 59 minutes");
        assertThat(Limits.inWords(Duration.ofMinutes(150))).isEqualTo("in 3 hours");
    }

    @Test
    void everyEmailFormIsLimitedPerAddressAndSilentlyPerEmail() {
        assertThat(Limits.PASSWORD_RESETS_PER_EMAIL.max()).as("the 4th reset mail within the hour is not sent")
                .isEqualTo(3);
        assertThat(Limits.ORDER_LINKS_PER_EMAIL.max()).isEqualTo(3);
        assertThat(Limits.SIGN_UPS_PER_EMAIL.max()).isEqualTo(3);
        assertThat(List.of(Limits.PASSWORD_RESETS_PER_ADDRESS, Limits.ORDER_LINKS_PER_ADDRESS,
                Limits.SIGN_UPS_PER_ADDRESS)).allSatisfy(limit -> assertThat(limit.max()).isBetween(5, 20));
    }
}
