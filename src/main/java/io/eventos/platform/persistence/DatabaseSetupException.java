package io.eventos.platform.persistence;

/** The database cannot be used as configured; the message is one sentence for the person who configured it. */
public class DatabaseSetupException extends RuntimeException {
    public DatabaseSetupException(String message) {
        super(message);
    }

    public DatabaseSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
