package io.eventos.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Unguessable values for links, tickets and codes, always from {@link SecureRandom} and never derived from ids, and
 * the SHA-256 hash that is stored in place of a secret token.
 */
public final class RandomTokens {

    /** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L). */
    private static final char[] HUMAN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes as URL-safe base64 without padding (16 bytes = 128 bits = 22 characters). */
    public static String urlSafe(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** A short code people can read out and type, e.g. "K7QX-3MZP" for length 8 (about 40 bits). */
    public static String humanCode(int length) {
        StringBuilder code = new StringBuilder(length + length / 4);
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(HUMAN_ALPHABET[RANDOM.nextInt(HUMAN_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** SHA-256 of a token as hex: what the database keeps, so a leaked table holds no usable links. */
    public static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
