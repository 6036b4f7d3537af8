package io.eventos.account.service;

import jakarta.ejb.ApplicationException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sign-up (or a new account) refused: one sentence per field that needs another value. {@link #emailTaken()} when
 * joining by invitation found the address registered meanwhile (the page then offers to sign in); sign-up itself
 * never says that an address is registered ({@link SignUpService#signUp}).
 */
@ApplicationException(rollback = true)
public class SignUpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The fields of the sign-up form. */
    public enum Field { NAME, EMAIL, PASSWORD, ORGANIZATION }

    public static final String EMAIL_TAKEN = "An account with this email exists. Sign in or reset your password.";

    private final Map<Field, String> problems;
    private final boolean emailTaken;

    public SignUpException(Map<Field, String> problems, boolean emailTaken) {
        super(String.join(" ", problems.values()));
        Map<Field, String> copy = new EnumMap<>(Field.class);
        copy.putAll(problems);
        this.problems = Collections.unmodifiableMap(copy);
        this.emailTaken = emailTaken;
    }

    public Map<Field, String> problems() {
        return problems;
    }

    public boolean emailTaken() {
        return emailTaken;
    }
}
