package io.eventos.event.service;

import jakarta.ejb.ApplicationException;

/**
 * An agenda change refused for a reason the organizer can fix; {@link #field()} names the form field the one
 * sentence belongs next to ("title", "start", "end", "room", "capacity", "speakers", "name", "photo").
 */
@ApplicationException(rollback = true)
public class AgendaException extends RuntimeException {

    private final String field;

    public AgendaException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
