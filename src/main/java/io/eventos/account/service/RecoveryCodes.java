package io.eventos.account.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One-time recovery codes for a user who has lost their authenticator: ten codes like {@code k7qm-2xwd}, shown
 * once, stored only as hashes ({@code users.recovery_codes}, a JSON array), each usable once.
 *
 * <p>The alphabet leaves out characters people confuse when copying from paper ({@code 0/o}, {@code 1/l/i}).
 * Typing is forgiving: case does not matter and dashes and spaces are ignored.
 *
 * <p>Why SHA-256 and not a slow password hash: slow hashes exist to protect secrets people choose, which are few
 * enough to guess from a dictionary. These codes are drawn uniformly at random by the server (8 characters from 31,
 * about 40 bits each), there is no dictionary to try first, and each code is only a second factor: using one still
 * requires the account's password (PBKDF2). Online guessing is bounded by login throttling. The hash is salted with
 * the user id, so one precomputed table does not serve every user. A slow hash would cost about 0.1 s per stored
 * code on every recovery attempt (ten codes: a second of CPU per try, an easy way to load the server). The residual
 * risk is a stolen copy of the users table: 40 bits can be searched offline with enough GPU time, and that reveals a
 * code only for someone who also has the password.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final int LENGTH = 8;
    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private RecoveryCodes() {
    }

    /** New codes for the user: the plain codes (show them once, never store them) and their hashes (store these). */
    public record Issued(List<String> codes, List<String> hashes) {
        public Issued {
            codes = List.copyOf(codes);
            hashes = List.copyOf(hashes);
        }
    }

    public static Issued generate(UUID userId) {
        Objects.requireNonNull(userId, "userId");
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int i = 0; i < LENGTH; i++) {
                if (i == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        List<String> plain = List.copyOf(codes);
        return new Issued(plain, plain.stream().map(code -> hash(userId, code)).toList());
    }

    /**
     * If {@code typed} is one of the user's unused codes: the hashes that remain after using it up. Empty if it is
     * not (wrong, malformed or already used).
     */
    public static Optional<List<String>> consume(UUID userId, List<String> hashes, String typed) {
        String code = normalize(typed);
        if (code == null) {
            return Optional.empty();
        }
        byte[] candidate = hash(userId, code).getBytes(StandardCharsets.US_ASCII);
        int matched = -1;
        for (int i = 0; i < hashes.size(); i++) {
            // constant-time comparison, and no early exit, so timing does not tell which stored code matched
            if (MessageDigest.isEqual(candidate, hashes.get(i).getBytes(StandardCharsets.US_ASCII)) && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            return Optional.empty();
        }
        List<String> remaining = new ArrayList<>(hashes);
        remaining.remove(matched);
        return Optional.of(List.copyOf(remaining));
    }

    /** Whether the input has the shape of a recovery code (8 characters of the alphabet, dashes and spaces allowed). */
    public static boolean looksLikeCode(String input) {
        return normalize(input) != null;
    }

    /** Hex SHA-256 of the normalized code, salted with the user id (see the class comment for why SHA-256). */
    static String hash(UUID userId, String code) {
        String normalized = normalize(code);
        if (normalized == null) {
            throw new IllegalArgumentException("Not a recovery code");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("eventos-recovery-code:" + userId + ":").getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(sha256.digest(normalized.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The JSON array stored in {@code users.recovery_codes}. */
    public static String toJson(List<String> hashes) {
        StringBuilder json = new StringBuilder("[");
        for (String hash : hashes) {
            if (!HASH.matcher(hash).matches()) {
                throw new IllegalArgumentException("Not a recovery code hash");
            }
            json.append(json.length() > 1 ? "," : "").append('"').append(hash).append('"');
        }
        return json.append(']').toString();
    }

    /**
     * The hashes in {@code users.recovery_codes} as PostgreSQL returns the jsonb (e.g. {@code ["ab..", "cd.."]}).
     * Only an array of hash strings is accepted; anything else is damaged data and throws.
     */
    public static List<String> fromJson(String json) {
        String text = json == null ? "" : json.strip();
        if (!text.startsWith("[") || !text.endsWith("]")) {
            throw new IllegalArgumentException("users.recovery_codes is not a JSON array of recovery code hashes");
        }
        String body = text.substring(1, text.length() - 1).strip();
        if (body.isEmpty()) {
            return List.of();
        }
        List<String> hashes = new ArrayList<>();
        for (String element : body.split(",", -1)) {
            String item = element.strip();
            if (item.length() < 2 || !item.startsWith("\"") || !item.endsWith("\"")
                    || !HASH.matcher(item.substring(1, item.length() - 1)).matches()) {
                throw new IllegalArgumentException(
                        "users.recovery_codes is not a JSON array of recovery code hashes");
            }
            hashes.add(item.substring(1, item.length() - 1));
        }
        return List.copyOf(hashes);
    }

    /** Lower case without dashes and spaces if it has the shape of a code, else null. */
    private static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]+", "").toLowerCase(Locale.ROOT);
        return SHAPE.matcher(code).matches() ? code : null;
    }
}
