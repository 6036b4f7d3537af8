package io.eventos.ticketing.service;

import jakarta.ejb.ApplicationException;

/** An organizer's change to tickets or orders that the rules refuse, with one sentence and the field it concerns. */
@ApplicationException(rollback = true)
public class TicketingException extends RuntimeException {

    private final String field;

    public TicketingException(String field, String sentence) {
        super(sentence, null, false, false);
        this.field = field;
    }

    /** The form field the sentence belongs next to, e.g. "quantity"; null for the whole form. */
    public String field() {
        return field;
    }
}
