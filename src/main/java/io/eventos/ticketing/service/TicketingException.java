package io.eventos.ticketing.service;

import io.eventos.platform.input.InputRefusedException;
import jakarta.ejb.ApplicationException;

/** An organizer's change to tickets or orders that the rules refuse, with one sentence and the field it concerns. */
@ApplicationException(rollback = true)
public class TicketingException extends InputRefusedException {

    public TicketingException(String field, String sentence) {
        super(field, sentence, false);
    }

    /** The form field the sentence belongs next to, e.g. "quantity"; null for the whole form. */
    public String field() {
        return problems().get(0).field();
    }
}
