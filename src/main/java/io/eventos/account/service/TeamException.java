package io.eventos.account.service;

import jakarta.ejb.ApplicationException;

/** A team change that the rules refuse (e.g. removing the last owner); the message is one sentence for the user. */
@ApplicationException(rollback = true)
public class TeamException extends RuntimeException {
    public TeamException(String message) {
        super(message);
    }
}
