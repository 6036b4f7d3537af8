package io.eventos.ticketing.service;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts in minor units as people read them: "€25.00", "¥500", "Free". */
public final class Money {

    private Money() {
    }

    /** A price: "Free" for nothing. */
    public static String format(long minor, String currencyCode) {
        if (minor == 0) {
            return "Free";
        }
        return amount(minor, currencyCode);
    }

    /** An amount of money (a discount, a payment, a refund): "€0.00" for nothing, never "Free". */
    public static String amount(long minor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }
}
