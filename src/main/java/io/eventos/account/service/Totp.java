package io.eventos.account.service;

import io.eventos.platform.text.Base32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 30-second steps, 6 digits,
 * secrets of 20 random bytes written in base32.
 *
 * <p>A code is accepted for the current step and one step either side (phone clocks drift, people type slowly).
 * {@link #verify} returns the step that matched: the caller stores it and passes it back next time, so the same
 * code (or an older one seen on someone's screen) cannot be used twice.
 */
public final class Totp {

    public static final String ISSUER = "EventOS";
    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    /** Steps accepted before and after the current one. */
    public static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public Totp() {
        this(Clock.systemUTC());
    }

    public Totp(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new secret: 20 random bytes (the HMAC-SHA1 block RFC 4226 recommends), base32 without padding. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base32.encode(bytes);
    }

    /**
     * The key URI authenticator apps read from the QR code:
     * {@code otpauth://totp/EventOS:{email}?secret=...&issuer=EventOS&algorithm=SHA1&digits=6&period=30}.
     */
    public static String otpauthUri(String email, String secret) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(secret, "secret");
        return "otpauth://totp/" + encode(ISSUER) + ":" + encode(email)
                + "?secret=" + encode(secret)
                + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    /** The time step the clock is in now. */
    public long currentStep() {
        return stepAt(clock.instant());
    }

    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The 6-digit code of a step, as an authenticator app would show it. */
    public static String codeAt(String secret, long step) {
        return code(Base32.decode(secret), step, DIGITS);
    }

    /**
     * The step whose code {@code code} is, if it is one of the current step ± {@value #DRIFT_STEPS} and newer than
     * {@code lastUsedStep} (null: none used yet). Empty for a wrong, malformed, expired or replayed code.
     * Spaces inside the code are ignored ("123 456").
     */
    public OptionalLong verify(String secret, String code, Long lastUsedStep) {
        String typed = normalize(code);
        if (typed == null) {
            return OptionalLong.empty();
        }
        byte[] key = Base32.decode(secret);
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        long now = currentStep();
        long matched = Long.MIN_VALUE;
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            byte[] expected = code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII);
            // compare every candidate in constant time, so timing tells nothing about which step (if any) matched
            boolean equal = MessageDigest.isEqual(expected, given);
            boolean fresh = lastUsedStep == null || step > lastUsedStep;
            if (equal && fresh) {
                matched = step; // the newest matching step wins, so a replay check on it is the strictest
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** Whether the input has the shape of a TOTP code (6 digits, spaces allowed), as opposed to a recovery code. */
    public static boolean looksLikeCode(String input) {
        return normalize(input) != null;
    }

    /** RFC 4226 HOTP of {@code step} with HMAC-SHA1 and dynamic truncation, zero-padded to {@code digits}. */
    static String code(byte[] key, long step, int digits) {
        if (digits < 1 || digits > 9) {
            throw new IllegalArgumentException("digits must be 1..9, not " + digits);
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    /** The code without spaces if it is exactly {@value #DIGITS} ASCII digits, else null. */
    private static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String stripped = code.replaceAll("\\s+", "");
        return stripped.matches("[0-9]{" + DIGITS + "}") ? stripped : null;
    }

    /** Percent-encoding for the URI's label and query values: unreserved characters and '@' stay as they are. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0x0f, 16)));
            }
        }
        return out.toString();
    }
}
