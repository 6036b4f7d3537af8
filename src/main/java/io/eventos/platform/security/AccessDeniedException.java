package io.eventos.platform.security;

import jakarta.ejb.ApplicationException;

/** The signed-in member may not do this; the message is one sentence for them. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
