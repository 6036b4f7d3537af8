package io.eventos.analytics.service;

import io.eventos.platform.mail.MailMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weekly summary email: figures per currency in both parts, links from the given address, names escaped. */
class WeeklySummaryMailTest {

    private static final String BASE = "https://events.example.com";
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-00000000000e");

    private static WeeklySummary summary(String accountName) {
        LocalDate week = LocalDate.parse("2026-11-30");
        return new WeeklySummary(accountName, ZoneId.of("Europe/Berlin"), week,
                new Period(week.minusDays(7), week.minusDays(1)),
                List.of(new CurrencyFigures("EUR", new Change(14_000, 2_500), new Change(2_500, 0), new Change(3, 1)),
                        new CurrencyFigures("USD", new Change(9_900, 0), new Change(0, 0), new Change(1, 0))),
                new Change(4, 1), new Change(8, 2), new Change(2, 0),
                List.of(new AccountDashboard.Upcoming(EVENT, "summit", "Summit <b>2027</b>",
                        Instant.parse("2027-01-14T08:00:00Z"), ZoneId.of("Europe/Oslo"), "published", 120, 300L)));
    }

    @Test
    void theTextPartHasEveryFigureAgainstTheWeekBeforeAndEveryLink() {
        MailMessage mail = WeeklySummaryMail.message(summary("Northwind"), "owner@example.org", "Olga", BASE);
        assertEquals("Northwind: your week, Mon 23 Nov \u2013 Sun 29 Nov 2026", mail.subject());
        String text = mail.text();
        for (String line : List.of(
                "Revenue EUR: €140.00 (7 days before: €25.00, +460%)",
                "Refunds EUR: €25.00 (7 days before: €0.00, new)",
                "Revenue USD: US$99.00 (7 days before: US$0.00, new)",
                "Orders paid: 4 (7 days before: 1, +300%)",
                "Tickets sold: 8 (7 days before: 2, +300%)",
                "Check-ins: 2 (7 days before: 0, new)",
                "- Summit <b>2027</b>, Thu 14 Jan 2027, 09:00 (Europe/Oslo): 120 of 300 tickets sold (40%)",
                BASE + "/app/?from=2026-11-23&to=2026-11-29",
                BASE + "/app/reports.xhtml?from=2026-11-23&to=2026-11-29",
                BASE + "/app/event-dashboard.xhtml?event=" + EVENT,
                BASE + "/app/security.xhtml#weekly-summary")) {
            assertTrue(text.contains(line), "missing: " + line + "\n" + text);
        }
        assertTrue(text.startsWith("Hello Olga,"));
    }

    @Test
    void theHtmlPartEscapesNamesAndLinksTheSameAddresses() {
        MailMessage mail = WeeklySummaryMail.message(summary("R&D <Events>"), "owner@example.org", null, BASE);
        String html = mail.html();
        assertFalse(html.contains("<b>2027"), "an event's name is text, not markup");
        assertTrue(html.contains("Summit &lt;b&gt;2027&lt;/b&gt;"));
        assertTrue(html.contains("R&amp;D &lt;Events&gt;"));
        assertTrue(html.contains("href=\"" + BASE + "/app/?from=2026-11-23&amp;to=2026-11-29\""));
        assertTrue(html.contains("href=\"" + BASE + "/app/security.xhtml#weekly-summary\""));
        assertTrue(html.contains("<td>€140.00</td><td>€25.00</td><td>+460%</td>"), html);
        assertTrue(mail.text().startsWith("Hello,"));
    }

    @Test
    void aQuietWeekSaysSo() {
        LocalDate week = LocalDate.parse("2026-11-30");
        WeeklySummary quiet = new WeeklySummary("Northwind", ZoneId.of("UTC"), week,
                new Period(week.minusDays(7), week.minusDays(1)), List.of(), new Change(0, 0), new Change(0, 0),
                new Change(0, 0), List.of());
        String text = WeeklySummaryMail.message(quiet, "a@example.org", "A", BASE).text();
        assertTrue(text.contains("No orders, refunds or check-ins in these two weeks."));
        assertTrue(text.contains("None planned."));
    }
}
