package io.eventos.checkin.domain;

import java.util.Locale;

/** How a check-in list treats people leaving: stored lower-case in {@code checkin_lists.mode}. */
public enum ListMode {
    /** One entry per ticket; exits are not scanned. */
    ONCE("Admit once"),
    /** Exits are scanned; a ticket that left may come in again. */
    IN_OUT("Entry and exit, re-entry allowed"),
    /** Exits are scanned; a ticket that left may not come in again. */
    IN_OUT_FINAL("Entry and exit, no re-entry");

    private final String label;

    ListMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean scansExits() {
        return this != ONCE;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ListMode ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
