package io.eventos.platform.text;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes an iCalendar file (RFC 5545) with events: lines end with CRLF and are folded at 75 octets (never inside a
 * UTF-8 character), TEXT values are escaped ({@code \\ ; , } and newlines), times are written in UTC with 'Z' (no
 * VTIMEZONE needed; calendar apps show them in their user's zone).
 * <pre>
 * String ics = ICalendar.publish("-//EventOS//Public events//EN")
 *         .beginEvent(uid, stamp).utc("DTSTART", start).text("SUMMARY", name).endEvent()
 *         .end();
 * </pre>
 */
public final class ICalendar {

    /** The media type of the files this writes. */
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder(1024);
    private boolean inEvent;

    private ICalendar() {
    }

    /** A calendar of published events (METHOD:PUBLISH: "add this to your calendar", not an invitation). */
    public static ICalendar publish(String productId) {
        ICalendar calendar = new ICalendar();
        calendar.line("BEGIN:VCALENDAR");
        calendar.line("VERSION:2.0");
        calendar.line("PRODID:" + productId);
        calendar.line("CALSCALE:GREGORIAN");
        calendar.line("METHOD:PUBLISH");
        return calendar;
    }

    /** Opens a VEVENT with its globally unique id and the time this copy of it was written. */
    public ICalendar beginEvent(String uid, Instant stamp) {
        if (inEvent) {
            throw new IllegalStateException("The previous event is not ended");
        }
        inEvent = true;
        line("BEGIN:VEVENT");
        line("UID:" + escape(uid));
        return utc("DTSTAMP", stamp);
    }

    public ICalendar endEvent() {
        if (!inEvent) {
            throw new IllegalStateException("No event to end");
        }
        inEvent = false;
        line("END:VEVENT");
        return this;
    }

    /** A date-time property in UTC, to the second; nothing when {@code at} is null. */
    public ICalendar utc(String name, Instant at) {
        if (at != null) {
            line(name + ":" + UTC.format(at.truncatedTo(ChronoUnit.SECONDS)));
        }
        return this;
    }

    /** A TEXT property, escaped; nothing when the value is null or blank. */
    public ICalendar text(String name, String value) {
        if (value != null && !value.isBlank()) {
            line(name + ":" + escape(value.strip()));
        }
        return this;
    }

    /** A property whose value is written as given (a URI, a STATUS keyword); nothing when null or blank. */
    public ICalendar raw(String name, String value) {
        if (value != null && !value.isBlank()) {
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A raw iCalendar value cannot contain a line break");
            }
            line(name + ":" + value);
        }
        return this;
    }

    /**
     * {@code ORGANIZER;CN="name":mailto:email}; nothing when the address is missing or not a plain address. The
     * name loses what a quoted parameter cannot hold (quotes, control characters).
     */
    public ICalendar organizer(String name, String email) {
        if (email == null || !email.strip().matches("[^\\s\"<>:;,]+@[^\\s\"<>:;,@]+")) {
            return this;
        }
        String cn = name == null ? "" : name.replaceAll("[\"\\p{Cntrl}]", "").strip();
        line("ORGANIZER" + (cn.isEmpty() ? "" : ";CN=\"" + cn + "\"") + ":mailto:" + email.strip());
        return this;
    }

    /** Closes the calendar and returns the file's text. */
    public String end() {
        if (inEvent) {
            throw new IllegalStateException("An event is not ended");
        }
        line("END:VCALENDAR");
        return out.toString();
    }

    /** TEXT escaping of RFC 5545 3.3.11: backslash, semicolon, comma and line breaks. */
    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    escaped.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> escaped.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /**
     * One content line, folded: at most 75 octets of UTF-8 per physical line (continuation lines start with a space,
     * which counts), never splitting a character, each ended by CRLF.
     */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += chars;
        }
        return folded.append("\r\n").toString();
    }

    private void line(String line) {
        out.append(fold(line));
    }
}
