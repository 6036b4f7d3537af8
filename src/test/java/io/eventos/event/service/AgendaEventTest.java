package io.eventos.event.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaEventTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theEventsDaysAreCountedInItsOwnZone() {
        // 19:00-23:00 in New York is 23:00-03:00 UTC: one day there, two days in UTC
        var jazz = new AgendaEvent(UUID.randomUUID(), "Jazz", "jazz", Instant.parse("2027-06-05T23:00:00Z"),
                Instant.parse("2027-06-06T03:00:00Z"), NEW_YORK, null);

        assertThat(jazz.days()).containsExactly(LocalDate.parse("2027-06-05"));
        assertThat(jazz.windowStart()).isEqualTo(Instant.parse("2027-06-05T04:00:00Z"));
        assertThat(jazz.windowEnd()).isEqualTo(Instant.parse("2027-06-06T04:00:00Z"));
    }

    @Test
    void anEventEndingAtMidnightDoesNotGainADay() {
        var summit = new AgendaEvent(UUID.randomUUID(), "Summit", "summit", Instant.parse("2027-04-14T07:00:00Z"),
                Instant.parse("2027-04-15T22:00:00Z"), ZoneId.of("Europe/Berlin"), null);

        assertThat(summit.days()).containsExactly(LocalDate.parse("2027-04-14"), LocalDate.parse("2027-04-15"));
    }
}
