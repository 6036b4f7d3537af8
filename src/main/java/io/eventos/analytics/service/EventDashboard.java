package io.eventos.analytics.service;

import io.eventos.platform.text.MoneyText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One event's figures since it went on sale: totals per currency, the funnel, the sales curve (tickets per day of
 * the account's zone, cumulated) against capacity, each ticket type, each promo code, where the visitors came from
 * (referring sites and UTM parameters, counted per day without anything personal) and the check-in curve (quarter
 * hours, admitted tickets cumulated).
 */
public record EventDashboard(UUID id, String name, String slug, String status, Instant startsAt, Instant endsAt,
                             ZoneId eventZone, ZoneId accountZone, String currency, Long capacity, long sold,
                             List<CurrencyFigures> money, long orders, long tickets, long pageViews, long checkouts,
                             long admitted, List<AccountDashboard.Day> days, List<TicketType> ticketTypes,
                             List<Promo> promoCodes, List<Source> referrers, List<Source> campaigns,
                             List<Quarter> checkIns, Instant refreshedAt) {

    public record TicketType(UUID id, String name, long priceMinor, String currency, Long quantity, long sold,
                             long ticketsPaid, long revenueMinor) {

        public String priceText() {
            return MoneyText.format(priceMinor, currency);
        }

        public String revenueText() {
            return MoneyText.format(revenueMinor, currency);
        }
    }

    public record Promo(UUID id, String code, String kind, long used, Long limit, long orders, long discountMinor,
                        String currency) {

        public String discountText() {
            return MoneyText.format(discountMinor, currency);
        }
    }

    /** Page views from one source: a referring host, or a UTM source / medium / campaign. */
    public record Source(String label, long views) {
    }

    /** A quarter hour on the door: tickets first admitted in it, and all admitted so far. */
    public record Quarter(Instant start, long admitted, long cumulative) {
    }

    public String checkoutConversion() {
        return AccountDashboard.percent(orders, checkouts);
    }

    public String viewConversion() {
        return AccountDashboard.percent(orders, pageViews);
    }

    public String checkInRate() {
        return AccountDashboard.percent(admitted, sold);
    }

    public boolean eventDay(Instant now) {
        return !checkIns.isEmpty() || (now.isAfter(startsAt.minusSeconds(86_400)) && now.isBefore(endsAt));
    }

    public int percentSold() {
        return capacity == null || capacity == 0 ? 0 : (int) Math.min(100, Math.round(sold * 100.0 / capacity));
    }

    /** For tests and the chart: the last day with sales. */
    public LocalDate lastSalesDay() {
        return days.isEmpty() ? null : days.get(days.size() - 1).day();
    }
}
