package io.eventos.analytics.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the weekly summary email tells: the account's figures of the 7 days before the Monday {@code weekStart}
 * (days of the account's time zone), each against the 7 days before those — money per currency (never added across
 * currencies), orders paid, tickets in them, tickets first admitted at the door — and the upcoming events with
 * their sales against capacity. The whole account: the summary is for owners and admins only.
 */
public record WeeklySummary(String accountName, ZoneId zone, LocalDate weekStart, Period period,
                            List<CurrencyFigures> money, Change orders, Change tickets, Change checkIns,
                            List<AccountDashboard.Upcoming> upcoming) {

    public WeeklySummary {
        money = List.copyOf(money);
        upcoming = List.copyOf(upcoming);
    }

    /** Whether anything at all happened in the two weeks (else the email says so in one sentence). */
    public boolean quiet() {
        return money.isEmpty() && orders.now() + orders.before() + tickets.now() + tickets.before()
                + checkIns.now() + checkIns.before() == 0;
    }
}
