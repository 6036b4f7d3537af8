package io.eventos.ticketing.service;


/** The ticketing exports' CSV: rows as {@link io.eventos.platform.text.Csv} writes them, amounts as plain numbers. */
final class Csv {

    private Csv() {
    }

    static void row(StringBuilder out, String... cells) {
        io.eventos.platform.text.Csv.row(out, cells);
    }

    static String amount(long minor, String currency) {
        return io.eventos.platform.text.MoneyText.decimal(minor, currency).toPlainString();
    }
}
