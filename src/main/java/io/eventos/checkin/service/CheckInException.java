package io.eventos.checkin.service;

import io.eventos.platform.input.InputRefusedException;
import jakarta.ejb.ApplicationException;

/**
 * A check-in request refused for a reason the person can fix; {@link #field()} names the form field the one
 * sentence belongs next to (e.g. "name", "activeUntil", "list"), or is null for the page as a whole.
 */
@ApplicationException(rollback = true)
public class CheckInException extends InputRefusedException {

    public CheckInException(String field, String message) {
        super(field, message);
    }

    /** The form field the sentence belongs next to. */
    public String field() {
        return problems().get(0).field();
    }
}
