package io.eventos.account.service;

/**
 * The outcome of {@link UserDirectory#changePassword}: changed (with the user's new session generation, which the
 * session the change was made in is stamped with, so it stays), or refused with one sentence for one field
 * ({@link #CURRENT} or {@link #NEW}).
 */
public record PasswordChange(long sessionGeneration, String field, String problem) {

    public static final String CURRENT = "current";
    public static final String NEW = "password";

    static PasswordChange changed(long sessionGeneration) {
        return new PasswordChange(sessionGeneration, null, null);
    }

    static PasswordChange refused(String field, String problem) {
        return new PasswordChange(-1, field, problem);
    }

    public boolean changed() {
        return problem == null;
    }
}
