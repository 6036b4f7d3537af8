package io.eventos.account.service;

import io.eventos.platform.input.InputRefusedException;
import jakarta.ejb.ApplicationException;

/** A setting was refused; {@link #field()} says which input the sentence belongs next to. */
@ApplicationException(rollback = true)
public class SettingsException extends InputRefusedException {

    public SettingsException(String field, String message) {
        super(field, message);
    }

    /** The form field the sentence belongs next to. */
    public String field() {
        return problems().get(0).field();
    }
}
