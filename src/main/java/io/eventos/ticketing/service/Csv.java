package io.eventos.ticketing.service;

import io.eventos.platform.text.CsvRows;

import java.math.BigDecimal;
import java.util.Currency;

/** RFC 4180 rows that spreadsheets open safely ({@link CsvRows}), and amounts as plain numbers. */
final class Csv {

    private Csv() {
    }

    static void row(StringBuilder out, String... cells) {
        CsvRows.row(out, cells);
    }

    static String amount(long minor, String currency) {
        return BigDecimal.valueOf(minor, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()))
                .toPlainString();
    }
}
