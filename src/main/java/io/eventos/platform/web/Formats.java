package io.eventos.platform.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The date and time formats the organizer and kiosk pages share (English, as the pages are). Money has one place
 * too: {@code ticketing.service.Money} ("€12.50" for minor units and a currency).
 */
public final class Formats {

    /** "Mon 1 Dec 2026, 18:00": a moment in a list or heading, in the event's (or account's) zone. */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);
    /** "1 Dec": a chart's axis. */
    public static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    /** "18:00". */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** "2026-12-01 18:00": a moment in a table of records (contacts, orders). */
    public static final DateTimeFormatter ISO_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** "2026-12-01". */
    public static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private Formats() {
    }
}
