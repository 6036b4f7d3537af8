package io.eventos.account.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** When an account's week is due: its own Monday 08:00, whatever the server's zone or daylight saving time. */
class WeeklySummariesTest {

    private static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    @Test
    void aWeekIsDueFromItsMondayAtEightInTheAccountsZone() {
        String zone = "Pacific/Auckland";
        LocalDate monday = LocalDate.parse("2026-11-30");
        assertNull(WeeklySummaries.dueWeek(at("2026-11-30T07:59:59", zone), ZoneId.of(zone)), "not yet");
        assertEquals(monday, WeeklySummaries.dueWeek(at("2026-11-30T08:00:00", zone), ZoneId.of(zone)));
        assertEquals(monday, WeeklySummaries.dueWeek(at("2026-12-06T23:59:00", zone), ZoneId.of(zone)),
                "late in the week (a server was down): still this week's");
        // Monday 08:00 in Auckland is Sunday 19:00 UTC: a UTC account is still in the week before
        Instant instant = at("2026-11-30T08:00:00", zone);
        assertEquals(LocalDate.parse("2026-11-23"), WeeklySummaries.dueWeek(instant, ZoneId.of("UTC")));
    }

    @Test
    void aMondayBeforeEightBelongsToNoWeekYet() {
        // New York on the Monday after daylight saving time ended (2026-11-01): 08:00 local is 13:00 UTC
        ZoneId ny = ZoneId.of("America/New_York");
        assertNull(WeeklySummaries.dueWeek(Instant.parse("2026-11-02T12:59:00Z"), ny));
        assertEquals(LocalDate.parse("2026-11-02"), WeeklySummaries.dueWeek(Instant.parse("2026-11-02T13:00:00Z"), ny));
    }
}
