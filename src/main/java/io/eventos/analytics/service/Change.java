package io.eventos.analytics.service;

/** A figure of a period next to the same figure of the period before. */
public record Change(long now, long before) {

    /** "+12%", "−5%", "new" when there was nothing before, "±0%" when equal. */
    public String label() {
        if (before == 0) {
            return now == 0 ? "±0%" : "new";
        }
        long percent = Math.round((now - before) * 100.0 / before);
        return percent > 0 ? "+" + percent + "%" : percent < 0 ? "\u2212" + (-percent) + "%" : "±0%";
    }

    public boolean up() {
        return now > before;
    }

    public boolean down() {
        return now < before;
    }
}
