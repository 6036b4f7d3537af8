package io.eventos.platform.text;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.Temporal;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarTest {

    private static final Instant START = Instant.parse("2027-07-15T23:00:00Z");

    @Test
    void linesEndWithCrLfAndNoneIsLongerThan75Octets() {
        String ics = ICalendar.publish("-//Test//EN")
                .beginEvent("abc@test", START)
                .text("SUMMARY", "Ünïcödé ".repeat(30) + "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€")
                .endEvent().end();
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        // unfolding gives the value back: no character was split
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + "Ünïcödé ".repeat(30).strip().replace(" ", " ")
                .substring(0, 20));
        assertThat(unfolded).contains("€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€");
    }

    @Test
    void textIsEscapedAndReadsBackUnchanged() throws Exception {
        String tricky = "Jazz, blues; and \\ backslashes\nsecond line\r\nthird";
        String ics = ICalendar.publish("-//Test//EN")
                .beginEvent("id-1@test", START)
                .utc("DTSTART", START)
                .utc("DTEND", START.plusSeconds(3600))
                .text("SUMMARY", tricky)
                .text("LOCATION", "Pier 84, 555 12th Avenue; New York")
                .organizer("The \"Best\" Events", "hello@example.com")
                .endEvent().end();
        assertThat(ics).contains("SUMMARY:Jazz\\, blues\\; and \\\\ backslashes\\nsecond line\\nthird\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo("Jazz, blues; and \\ backslashes\nsecond line\nthird");
        assertThat(event.getLocation().getValue()).isEqualTo("Pier 84, 555 12th Avenue; New York");
        Temporal start = event.getDateTimeStart().getDate();
        assertThat(Instant.from(start)).isEqualTo(START);
        assertThat(ics).contains("DTSTART:20270715T230000Z", "ORGANIZER;CN=\"The Best Events\":mailto:hello@example.com");
    }

    @Test
    void nothingIsWrittenForMissingValuesAndOddAddresses() {
        String ics = ICalendar.publish("-//Test//EN").beginEvent("x@test", START)
                .text("DESCRIPTION", "  ").raw("URL", null).organizer("Name", "not an address\r\nX:1")
                .endEvent().end();
        assertThat(ics).doesNotContain("DESCRIPTION", "URL", "ORGANIZER");
    }
}
