package io.eventos.ticketing.service;

import io.eventos.platform.text.MoneyText;

/** Amounts in minor units as people read them: "€25.00", "¥500", "Free". */
public final class Money {

    private Money() {
    }

    /** A price: "Free" for nothing. */
    public static String format(long minor, String currencyCode) {
        return minor == 0 ? "Free" : MoneyText.format(minor, currencyCode);
    }

    /** An amount of money (a discount, a payment, a refund): "€0.00" for nothing, never "Free". */
    public static String amount(long minor, String currencyCode) {
        return MoneyText.format(minor, currencyCode);
    }
}
