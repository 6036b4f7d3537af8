package io.eventos.platform.text;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts in minor units of a currency as people read them ("€25.00", "JP¥500") and as plain numbers ("25.00"). */
public final class MoneyText {

    private MoneyText() {
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
