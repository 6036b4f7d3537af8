package io.eventos.analytics.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A period typed as two dates ({@code ?from=&to=}, YYYY-MM-DD): the period, or for each date that cannot be used the
 * sentence to show next to its field, and then {@code fallback}.
 */
public record PeriodInput(Period period, String fromProblem, String toProblem) {

    public static PeriodInput read(String from, String to, Period fallback) {
        LocalDate start = date(from);
        LocalDate end = date(to);
        String fromProblem = start == null ? problem(from) : null;
        String toProblem = end == null ? problem(to) : null;
        if (start != null && end != null) {
            try {
                return new PeriodInput(new Period(start, end), null, null);
            } catch (IllegalArgumentException e) {
                toProblem = e.getMessage();
            }
        }
        return new PeriodInput(fallback, fromProblem, toProblem);
    }

    /** Whether neither date is given (the caller's own choice of period applies). */
    public static boolean absent(String from, String to) {
        return (from == null || from.isBlank()) && (to == null || to.isBlank());
    }

    public boolean valid() {
        return fromProblem == null && toProblem == null;
    }

    private static String problem(String text) {
        return text == null || text.isBlank() ? "Enter a date." : "Enter a date as YYYY-MM-DD.";
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
