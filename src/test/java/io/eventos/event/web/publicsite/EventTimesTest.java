package io.eventos.event.web.publicsite;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void timesAreWrittenInTheEventsZoneNotTheServers() {
        // 23:00 UTC is 19:00 in New York in summer (UTC-4)
        Instant start = Instant.parse("2027-07-15T23:00:00Z");
        assertThat(EventTimes.range(start, start.plusSeconds(4 * 3600), NEW_YORK))
                .isEqualTo("Thursday, 15 July 2027, 19:00 – 23:00");
    }

    @Test
    void anEventOverSeveralDaysShowsBothDates() {
        Instant start = Instant.parse("2027-03-09T08:00:00Z");
        assertThat(EventTimes.range(start, Instant.parse("2027-03-10T16:30:00Z"), BERLIN))
                .isEqualTo("Tue 9 Mar 2027 09:00 – Wed 10 Mar 2027 17:30");
    }

    @Test
    void theZoneLabelFollowsSummerTime() {
        assertThat(EventTimes.zoneLabel(BERLIN, Instant.parse("2027-08-10T10:00:00Z")))
                .isEqualTo("Europe/Berlin (Central European Summer Time, UTC+02:00)");
        assertThat(EventTimes.zoneLabel(BERLIN, Instant.parse("2027-01-10T10:00:00Z")))
                .isEqualTo("Europe/Berlin (Central European Standard Time, UTC+01:00)");
    }
}
