package io.eventos.ticketing.service;

import io.eventos.platform.text.MoneyText;

/** Amounts in minor units as people read them: "€25.00", "¥500", "Free". */
public final class Money {

    private Money() {
    }

    public static String format(long minor, String currencyCode) {
        return minor == 0 ? "Free" : MoneyText.format(minor, currencyCode);
    }
}
