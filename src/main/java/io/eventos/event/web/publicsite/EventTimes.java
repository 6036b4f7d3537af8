package io.eventos.event.web.publicsite;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Dates and times written the way attendees read them: in the event's own time zone, with the zone named. */
final class EventTimes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzzz", Locale.ENGLISH);

    private EventTimes() {
    }

    /** "Saturday, 14 March 2027, 09:00 – 17:30" or "Fri 14 Mar 2027 09:00 – Sun 16 Mar 2027 17:00". */
    static String range(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        if (from.toLocalDate().equals(to.toLocalDate())) {
            return DAY.format(from) + ", " + TIME.format(from) + " – " + TIME.format(to);
        }
        return SHORT_DAY.format(from) + " " + TIME.format(from) + " – " + SHORT_DAY.format(to) + " " + TIME.format(to);
    }

    /** "Europe/Berlin (Central European Summer Time, UTC+02:00)" — the zone the times above are in, at that date. */
    static String zoneLabel(ZoneId zone, Instant at) {
        return zone.getId() + " (" + ZONE_NAME.format(at.atZone(zone)) + ", UTC"
                + zone.getRules().getOffset(at).getId().replace("Z", "+00:00") + ")";
    }

    static String day(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone));
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** "Tue 9 Mar 2027 09:00", in the event's zone. */
    static String dateTime(Instant instant, ZoneId zone) {
        ZonedDateTime at = instant.atZone(zone);
        return SHORT_DAY.format(at) + " " + TIME.format(at);
    }

    /** ISO 8601 with the zone's offset at that moment, e.g. "2027-07-15T19:00:00-04:00" (schema.org, HTML). */
    static String iso(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).truncatedTo(ChronoUnit.SECONDS)
                .toOffsetDateTime());
    }
}
