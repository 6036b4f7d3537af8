package io.eventos.account.service;

import io.eventos.platform.input.InputRefusedException;
import jakarta.ejb.ApplicationException;

/**
 * A team change that the rules refuse (e.g. removing the last owner); the message is one sentence for the user,
 * about the form as a whole (no field).
 */
@ApplicationException(rollback = true)
public class TeamException extends InputRefusedException {
    public TeamException(String message) {
        super(null, message);
    }
}
