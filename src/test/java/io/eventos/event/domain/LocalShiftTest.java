package io.eventos.event.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LocalShiftTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aWeeklySeriesKeepsItsLocalTimeAcrossTheStartOfDaylightSavingTime() {
        // 2027-03-14: clocks in New York go from 02:00 to 03:00
        LocalDateTime first = LocalDateTime.of(2027, 3, 1, 19, 0);
        Instant start = first.atZone(NEW_YORK).toInstant();
        var dates = IntStream.rangeClosed(1, 3)
                .mapToObj(n -> LocalShift.between(NEW_YORK, first, Repetition.WEEKLY.nth(first, n)).apply(start))
                .toList();
        assertThat(dates).extracting(i -> LocalDateTime.ofInstant(i, NEW_YORK).toString())
                .containsExactly("2027-03-08T19:00", "2027-03-15T19:00", "2027-03-22T19:00");
        assertThat(Duration.between(dates.get(0), dates.get(1))).isEqualTo(Duration.ofHours(167));
        assertThat(dates.get(1).toString()).isEqualTo("2027-03-15T23:00:00Z"); // UTC-4 after the change
        assertThat(dates.get(0).toString()).isEqualTo("2027-03-09T00:00:00Z"); // UTC-5 before it
    }

    @Test
    void timesOfTheSameEventMoveTogetherOnTheWallClock() {
        LocalDateTime from = LocalDateTime.of(2026, 10, 30, 9, 0);
        LocalShift shift = LocalShift.between(NEW_YORK, from, from.plusWeeks(1)); // across 1 November 2026
        Instant sessionStart = LocalDateTime.of(2026, 10, 31, 14, 30).atZone(NEW_YORK).toInstant();
        assertThat(LocalDateTime.ofInstant(shift.apply(sessionStart), NEW_YORK))
                .isEqualTo(LocalDateTime.of(2026, 11, 7, 14, 30));
        assertThat(shift.apply(null)).isNull();
        assertThat(LocalShift.none(NEW_YORK).apply(sessionStart)).isEqualTo(sessionStart);
    }

    @Test
    void monthlyDatesAreCountedFromTheFirstDate() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 31, 18, 0);
        assertThat(Repetition.MONTHLY.nth(first, 1)).isEqualTo(LocalDateTime.of(2027, 2, 28, 18, 0));
        assertThat(Repetition.MONTHLY.nth(first, 2)).isEqualTo(LocalDateTime.of(2027, 3, 31, 18, 0));
        assertThat(Repetition.of("Weekly")).contains(Repetition.WEEKLY);
        assertThat(Repetition.of("daily")).isEmpty();
    }
}
