package io.eventos.event.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The event an agenda belongs to: its times, its time zone and its venue. */
public record AgendaEvent(UUID id, String name, String slug, Instant startsAt, Instant endsAt, ZoneId zone,
                          String venueName) {

    /** The calendar day the event starts on, in its time zone. */
    public LocalDate firstDay() {
        return startsAt.atZone(zone).toLocalDate();
    }

    /** The calendar day the event ends on, in its time zone (an end at midnight belongs to the day before). */
    public LocalDate lastDay() {
        LocalDate last = endsAt.minusNanos(1).atZone(zone).toLocalDate();
        return last.isBefore(firstDay()) ? firstDay() : last;
    }

    /** Every day of the event, first to last. */
    public List<LocalDate> days() {
        return firstDay().datesUntil(lastDay().plusDays(1)).toList();
    }

    /** Sessions may take place from the first day's midnight ... */
    public Instant windowStart() {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** ... to the midnight after the last day (both in the event's time zone). */
    public Instant windowEnd() {
        return lastDay().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
