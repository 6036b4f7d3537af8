package io.eventos.analytics.service;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Money of the dashboards as people read it ("€1,250.00"), and as a plain number for files ("1250.00"). */
public final class Amounts {

    private Amounts() {
    }

    public static String format(long minor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    public static BigDecimal decimal(long minor, String currencyCode) {
        return BigDecimal.valueOf(minor, Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits()));
    }
}
