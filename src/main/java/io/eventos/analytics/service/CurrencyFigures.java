package io.eventos.analytics.service;

import io.eventos.platform.text.MoneyText;

/**
 * Money of one currency in a period (never added across currencies), with the period before: revenue of the
 * orders paid, refunds made, and the orders paid in this currency (for the average order value).
 */
public record CurrencyFigures(String currency, Change revenue, Change refunds, Change orders) {

    public String revenueText() {
        return MoneyText.format(revenue.now(), currency);
    }

    public String refundsText() {
        return MoneyText.format(refunds.now(), currency);
    }

    /** Revenue divided by orders, in minor units (0 without orders). */
    public long averageOrderMinor() {
        return orders.now() == 0 ? 0 : Math.round((double) revenue.now() / orders.now());
    }

    public Change averageOrder() {
        return new Change(averageOrderMinor(),
                orders.before() == 0 ? 0 : Math.round((double) revenue.before() / orders.before()));
    }

    public String averageOrderText() {
        return MoneyText.format(averageOrderMinor(), currency);
    }
}
