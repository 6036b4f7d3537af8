package io.eventos.analytics.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The account dashboard's figures for a period, each with the period before: money per currency, orders and tickets
 * (of orders paid in the period), the funnel (event page views → checkouts started → orders paid), the check-in rate
 * of the events that took place in the period, daily sales, revenue by event and by ticket type (in {@code
 * currency}, the account's main one), and the upcoming events with their sales against capacity.
 */
public record AccountDashboard(Period period, ZoneId zone, String currency, List<CurrencyFigures> money,
                               Change orders, Change tickets, Change pageViews, Change checkouts,
                               long admitted, long admissible, List<Day> days, List<Slice> byEvent,
                               List<Slice> byTicketType, List<Upcoming> upcoming, Instant refreshedAt) {

    /** The same figures with these upcoming events (read live beside the kept figures). */
    public AccountDashboard withUpcoming(List<Upcoming> upcoming) {
        return new AccountDashboard(period, zone, currency, money, orders, tickets, pageViews, checkouts, admitted,
                admissible, days, byEvent, byTicketType, upcoming, refreshedAt);
    }

    /** One day of the period: tickets sold, revenue in the main currency. */
    public record Day(LocalDate day, long tickets, long revenueMinor) {
    }

    /** A share of the period's sales: an event or a ticket type (with its event). */
    public record Slice(UUID id, UUID eventId, String label, long tickets, long revenueMinor) {
    }

    /** An upcoming event (not cancelled) and its sales: valid tickets of paid orders against capacity (null: none). */
    public record Upcoming(UUID id, String slug, String name, Instant startsAt, ZoneId zone, String status, long sold,
                           Long capacity) {

        public int percent() {
            return capacity == null || capacity == 0 ? 0 : (int) Math.min(100, Math.round(sold * 100.0 / capacity));
        }
    }

    public boolean hasSales() {
        return !money.isEmpty();
    }

    /** Orders paid per checkout started, percent (0 without checkouts). */
    public String checkoutConversion() {
        return percent(orders.now(), checkouts.now());
    }

    /** Orders paid per event page view, percent. */
    public String viewConversion() {
        return percent(orders.now(), pageViews.now());
    }

    public String checkInRate() {
        return admissible == 0 ? "–" : percent(admitted, admissible);
    }

    static String percent(long part, long whole) {
        if (whole == 0) {
            return "–";
        }
        double p = part * 100.0 / whole;
        return (p >= 10 || p == 0 ? String.valueOf(Math.round(p)) : String.format(java.util.Locale.ROOT, "%.1f", p))
                + "%";
    }
}
