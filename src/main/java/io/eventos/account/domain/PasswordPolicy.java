package io.eventos.account.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, wherever one is chosen (sign-up, reset, change): at least {@value #MIN_LENGTH}
 * characters (at most {@value #MAX_LENGTH}), not one of the common passwords in
 * {@code io/eventos/account/common-passwords.txt} (compared in lower case), and not the user's email address.
 * Each problem is one sentence for the person choosing the password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    public static final String EMPTY = "Enter a new password.";
    public static final String TOO_SHORT = "Use at least " + MIN_LENGTH + " characters.";
    public static final String TOO_LONG = "Use at most " + MAX_LENGTH + " characters.";
    public static final String TOO_COMMON = "This password is one of the most common ones; choose one that is harder to guess.";
    public static final String IS_EMAIL = "Do not use your email address as your password.";

    private PasswordPolicy() {
    }

    /** The first rule the password breaks, as one sentence; empty when it is acceptable. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of(EMPTY);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (CommonPasswords.SET.contains(lower) || CommonPasswords.SET.contains(lower.strip())) {
            return Optional.of(TOO_COMMON);
        }
        if (email != null && !email.isBlank() && lower.strip().equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(IS_EMAIL);
        }
        return Optional.empty();
    }

    static boolean isCommon(String password) {
        return CommonPasswords.SET.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Loaded on first use. */
    private static final class CommonPasswords {
        static final Set<String> SET = load();

        private static Set<String> load() {
            String resource = "/io/eventos/account/common-passwords.txt";
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + resource);
                }
                Set<String> words = new HashSet<>();
                try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        String word = line.strip();
                        if (!word.isEmpty() && !word.startsWith("#")) {
                            words.add(word.toLowerCase(Locale.ROOT));
                        }
                    }
                }
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
