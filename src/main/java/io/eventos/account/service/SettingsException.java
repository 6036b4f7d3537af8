package io.eventos.account.service;

import jakarta.ejb.ApplicationException;

/** A setting was refused; {@link #field()} says which input the sentence belongs next to. */
@ApplicationException(rollback = true)
public class SettingsException extends RuntimeException {

    private final String field;

    public SettingsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
