package io.eventos.demo;

import io.eventos.platform.crypto.RandomTokens;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Codes and tokens of the demo account. These always come from {@link SecureRandom} (never from the seeded
 * {@link java.util.Random} of the names, and never derived from ids): a demo ticket code must be as unguessable as
 * a real one, because the demo database may well be reachable by others.
 */
final class DemoCodes {

    /** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L). */
    private static final char[] ORDER_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Set<String> orderCodes = new HashSet<>();

    /** A short human order code, unique within the demo account, e.g. "NW-7K3Q9". */
    String orderCode() {
        while (true) {
            StringBuilder code = new StringBuilder("NW-");
            for (int i = 0; i < 5; i++) {
                code.append(ORDER_CODE_ALPHABET[random.nextInt(ORDER_CODE_ALPHABET.length)]);
            }
            if (orderCodes.add(code.toString())) {
                return code.toString();
            }
        }
    }

    /** SHA-256 (hex) of a fresh random order-page token; the token itself is not kept (nobody could use it). */
    String accessTokenHash() {
        return sha256Hex(token(32));
    }

    /** A ticket's QR value: 16 random bytes, base64url without padding. */
    String attendeeCode() {
        return token(16);
    }

    /** An unguessable token of {@code bytes} random bytes, base64url without padding. */
    String token(int bytes) {
        return RandomTokens.urlSafe(bytes);
    }

    /** A payment provider's reference, e.g. "ch_test_3f9a...". */
    String providerRef(String prefix) {
        byte[] value = new byte[12];
        random.nextBytes(value);
        return prefix + HexFormat.of().formatHex(value);
    }

    static String sha256Hex(String value) {
        return RandomTokens.sha256Hex(value);
    }
}
