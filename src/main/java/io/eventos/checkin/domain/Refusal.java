package io.eventos.checkin.domain;

import java.util.Locale;

/** Why a scan did not let someone in (or out): what the red screen says, in one sentence. */
public enum Refusal {
    UNKNOWN_CODE("Unknown code", "No ticket of this account has this code."),
    OTHER_EVENT("Another event", "This ticket is for another event."),
    REFUNDED("Refunded", "This ticket was refunded."),
    CANCELLED("Cancelled", "This ticket was cancelled."),
    ORDER_CANCELLED("Order cancelled", "The order of this ticket was cancelled."),
    UNPAID("Not paid", "The order of this ticket is not paid."),
    NOT_ON_LIST("Not valid here", "This ticket type is not admitted by this list."),
    NOT_YET_OPEN("Not open yet", "This check-in list does not admit anyone yet."),
    CLOSED("Closed", "This check-in list no longer admits anyone."),
    ALREADY_IN("Already checked in", "This ticket was already used to come in."),
    NO_REENTRY("No re-entry", "This ticket left already, and this list does not allow coming back in."),
    NOT_INSIDE("Not inside", "This ticket is not checked in, so it cannot leave."),
    EXITS_NOT_SCANNED("Exits are not scanned", "This list admits once; it does not record exits.");

    private final String headline;
    private final String sentence;

    Refusal(String headline, String sentence) {
        this.headline = headline;
        this.sentence = sentence;
    }

    public String headline() {
        return headline;
    }

    public String sentence() {
        return sentence;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Refusal ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
