package io.eventos.analytics.service;

import io.eventos.platform.mail.MailMessage;
import io.eventos.platform.text.MoneyText;
import io.eventos.platform.text.SafeHtml;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The weekly summary as an email: a plain-text part and an HTML part with the same figures, links into the
 * dashboard, the reports and each upcoming event's dashboard, and the link to turn the email off. Every link starts
 * with {@code baseUrl}, the configured address (EVENTOS_BASE_URL): there is no request to take one from, and a
 * request's Host header would never be trusted for a link in an email anyway.
 */
public final class WeeklySummaryMail {

    /** Where a member turns the email on and off (an anchor on their security page). */
    public static final String SETTING_PATH = "/app/security.xhtml#weekly-summary";
    /** The unsubscribe page (GET shows, its button POSTs to {@link #UNSUBSCRIBE_POST}); no sign-in. */
    public static final String UNSUBSCRIBE_PAGE = "/unsubscribe.xhtml";
    /** The one-click address of {@code List-Unsubscribe} (RFC 8058: POST turns the email off; GET opens the page). */
    public static final String UNSUBSCRIBE_POST = "/email/unsubscribe";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private WeeklySummaryMail() {
    }

    /** One line of figures: what, this week, the week before, the change. */
    public record Line(String label, String now, String before, String change) {

        /** "Orders paid: 3 (7 days before: 1, +200%)" */
        public String text() {
            return label + ": " + now + " (7 days before: " + before + ", " + change + ")";
        }
    }

    /** The figures' lines, in the order of the email: money per currency, then orders, tickets, check-ins. */
    public static List<Line> lines(WeeklySummary summary) {
        List<Line> lines = new ArrayList<>();
        for (CurrencyFigures m : summary.money()) {
            lines.add(new Line("Revenue " + m.currency(), MoneyText.format(m.revenue().now(), m.currency()),
                    MoneyText.format(m.revenue().before(), m.currency()), m.revenue().label()));
            lines.add(new Line("Refunds " + m.currency(), MoneyText.format(m.refunds().now(), m.currency()),
                    MoneyText.format(m.refunds().before(), m.currency()), m.refunds().label()));
        }
        lines.add(count("Orders paid", summary.orders()));
        lines.add(count("Tickets sold", summary.tickets()));
        lines.add(count("Check-ins", summary.checkIns()));
        return lines;
    }

    private static Line count(String label, Change change) {
        return new Line(label, String.valueOf(change.now()), String.valueOf(change.before()), change.label());
    }

    /** "Mon 23 Nov – Sun 29 Nov 2026" */
    public static String periodText(Period period) {
        return period.from().format(period.from().getYear() == period.to().getYear() ? DAY : DAY_YEAR)
                + " \u2013 " + period.to().format(DAY_YEAR);
    }

    public static String subject(WeeklySummary summary) {
        return summary.accountName() + ": your week, " + periodText(summary.period());
    }

    /** The email to one recipient without an unsubscribe link of its own (previews, tests). */
    public static MailMessage message(WeeklySummary summary, String to, String name, String baseUrl) {
        return message(summary, to, name, baseUrl, null);
    }

    /**
     * The email to one recipient ({@code name} may be null or blank); {@code unsubscribe}: the recipient's signed
     * unsubscribe page (starting with {@code baseUrl}), or null for the settings page only.
     */
    public static MailMessage message(WeeklySummary summary, String to, String name, String baseUrl,
                                      String unsubscribe) {
        Period period = summary.period();
        String dashboard = baseUrl + "/app/?from=" + period.from() + "&to=" + period.to();
        String reports = baseUrl + "/app/reports.xhtml?from=" + period.from() + "&to=" + period.to();
        String setting = baseUrl + SETTING_PATH;
        String hello = name == null || name.isBlank() ? "Hello," : "Hello " + name.strip() + ",";
        String intro = "Here is " + summary.accountName() + "'s week, " + periodText(period) + " ("
                + summary.zone().getId() + "), against the 7 days before.";
        List<Line> lines = lines(summary);

        StringBuilder text = new StringBuilder();
        text.append(hello).append("\n\n").append(intro).append("\n\n");
        if (summary.quiet()) {
            text.append("No orders, refunds or check-ins in these two weeks.\n\n");
        }
        lines.forEach(line -> text.append(line.text()).append('\n'));
        text.append("\nThe dashboard for these days: ").append(dashboard).append('\n');
        text.append("Reports and files: ").append(reports).append("\n\n");
        text.append("Upcoming events\n");
        if (summary.upcoming().isEmpty()) {
            text.append("None planned.\n");
        }
        for (AccountDashboard.Upcoming u : summary.upcoming()) {
            text.append("- ").append(u.name()).append(", ").append(startText(u)).append(": ").append(salesText(u))
                    .append("\n  ").append(eventLink(baseUrl, u)).append('\n');
        }
        text.append("\nYou receive this email because you asked for the weekly summary of ")
                .append(summary.accountName()).append(". ");
        if (unsubscribe != null) {
            text.append("Unsubscribe (no sign-in needed): ").append(unsubscribe).append("\nOr turn it off in ");
        } else {
            text.append("To stop it, turn it off in ");
        }
        text.append("your settings (while working in ").append(summary.accountName()).append("): ").append(setting)
                .append("\n\nEventOS\n");

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><body>\n<p>").append(esc(hello)).append("</p>\n<p>")
                .append(esc(intro)).append("</p>\n");
        if (summary.quiet()) {
            html.append("<p>No orders, refunds or check-ins in these two weeks.</p>\n");
        }
        html.append("<table>\n<thead><tr><th scope=\"col\"></th><th scope=\"col\">")
                .append(esc(periodText(period))).append("</th><th scope=\"col\">7 days before</th>")
                .append("<th scope=\"col\">Change</th></tr></thead>\n<tbody>\n");
        for (Line line : lines) {
            html.append("<tr><th scope=\"row\">").append(esc(line.label())).append("</th><td>").append(esc(line.now()))
                    .append("</td><td>").append(esc(line.before())).append("</td><td>").append(esc(line.change()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p><a href=\"").append(esc(dashboard))
                .append("\">Open the dashboard for these days</a> · <a href=\"").append(esc(reports))
                .append("\">Reports and files</a></p>\n<h2>Upcoming events</h2>\n");
        if (summary.upcoming().isEmpty()) {
            html.append("<p>None planned.</p>\n");
        } else {
            html.append("<ul>\n");
            for (AccountDashboard.Upcoming u : summary.upcoming()) {
                html.append("<li><a href=\"").append(esc(eventLink(baseUrl, u))).append("\">").append(esc(u.name()))
                        .append("</a>, ").append(esc(startText(u))).append(": ").append(esc(salesText(u)))
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<p>You receive this email because you asked for the weekly summary of ")
                .append(esc(summary.accountName())).append(". ");
        if (unsubscribe != null) {
            html.append("<a id=\"unsubscribe\" href=\"").append(esc(unsubscribe))
                    .append("\">Unsubscribe</a> (no sign-in needed), or turn it off in <a href=\"");
        } else {
            html.append("Turn it off in <a href=\"");
        }
        html.append(esc(setting)).append("\">your settings</a> (while working in ")
                .append(esc(summary.accountName())).append(").</p>\n<p>EventOS</p>\n</body></html>\n");
        return new MailMessage(to, subject(summary), text.toString(), html.toString(), List.of());
    }

    /** "120 of 300 tickets sold (40%)", or "12 tickets sold" without a capacity. */
    static String salesText(AccountDashboard.Upcoming u) {
        return u.capacity() == null ? u.sold() + " tickets sold"
                : u.sold() + " of " + u.capacity() + " tickets sold (" + u.percent() + "%)";
    }

    /** The start in the event's own time zone. */
    static String startText(AccountDashboard.Upcoming u) {
        return u.startsAt().atZone(u.zone()).format(START) + " (" + u.zone().getId() + ")";
    }

    static String eventLink(String baseUrl, AccountDashboard.Upcoming u) {
        return baseUrl + "/app/event-dashboard.xhtml?event=" + u.id();
    }

    static String esc(String text) {
        return SafeHtml.escape(text);
    }

    /** The Monday (in the account's days) a summary sent on {@code day} belongs to. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }
}
