package io.eventos.event.service;

import io.eventos.platform.input.InputRefusedException;
import jakarta.ejb.ApplicationException;

/**
 * An agenda change refused for a reason the organizer can fix; {@link #field()} names the form field the one
 * sentence belongs next to ("title", "start", "end", "room", "capacity", "speakers", "name", "photo").
 */
@ApplicationException(rollback = true)
public class AgendaException extends InputRefusedException {

    public AgendaException(String field, String message) {
        super(field, message);
    }

    /** The form field the sentence belongs next to. */
    public String field() {
        return problems().get(0).field();
    }
}
