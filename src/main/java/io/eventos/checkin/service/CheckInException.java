package io.eventos.checkin.service;

import jakarta.ejb.ApplicationException;

/**
 * A check-in request refused for a reason the person can fix; {@link #field()} names the form field the one
 * sentence belongs next to (e.g. "name", "activeUntil", "list"), or is null for the page as a whole.
 */
@ApplicationException(rollback = true)
public class CheckInException extends RuntimeException {

    private final String field;

    public CheckInException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
