package io.eventos.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Authenticated encryption of small secrets kept in the database (two-factor keys now, integration credentials
 * later): AES-256-GCM with a random 12-byte nonce per message.
 *
 * <p>Sealed form: {@code version (1 byte) || nonce (12 bytes) || ciphertext || tag (16 bytes)}. The version byte
 * leaves room for a key rotation later (a new version with a new key, old rows re-sealed on read).
 *
 * <p>The caller names a <em>context</em> for each secret, e.g. {@code "totp:" + userId}. It is bound as additional
 * authenticated data (together with the version byte), so a ciphertext copied into another row (another user's
 * {@code totp_secret_enc}) does not open there. Wrong key, wrong context or changed bytes all end in a
 * {@link SecretBoxException}; {@link #open} never returns garbage.
 *
 * <p>The key comes from MicroProfile Config {@code eventos.secret.key} (environment variable
 * {@code EVENTOS_SECRET_KEY}): the base64 encoding of 32 random bytes, e.g. {@code openssl rand -base64 32}. There is
 * deliberately no built-in fallback key, not even for demo mode: a key derived from nothing would make every
 * installation share it. The development launcher sets a key of its own; a missing key fails with one sentence
 * naming {@code EVENTOS_SECRET_KEY}. Losing the key makes every sealed secret unreadable (users then enrol
 * two-factor authentication again), so it belongs in the same backup plan as the database password.
 */
@ApplicationScoped
public class SecretBox {

    /** The configuration key; its environment variable is {@value #ENVIRONMENT_VARIABLE}. */
    public static final String CONFIG_KEY = "eventos.secret.key";
    public static final String ENVIRONMENT_VARIABLE = "EVENTOS_SECRET_KEY";

    static final byte VERSION_1 = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeySpec key;

    /** For CDI: the key is read from configuration in {@link #loadKeyFromConfig()}. */
    protected SecretBox() {
    }

    /** With an explicit 32-byte key (tests, tools). */
    public SecretBox(byte[] key) {
        this.key = toKey(key);
    }

    @PostConstruct
    void loadKeyFromConfig() {
        String configured = ConfigProvider.getConfig().getOptionalValue(CONFIG_KEY, String.class).orElse(null);
        this.key = toKey(decodeKey(configured));
    }

    /**
     * The key bytes from their configured base64 text, or a {@link SecretBoxException} saying in one sentence what
     * is wrong with {@value #ENVIRONMENT_VARIABLE} (never echoing its value).
     */
    public static byte[] decodeKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new SecretBoxException(ENVIRONMENT_VARIABLE + " is not set: set it to the base64 encoding of 32 "
                    + "random bytes (for example the output of `openssl rand -base64 32`) so that secrets such as "
                    + "two-factor keys can be encrypted in the database.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException(ENVIRONMENT_VARIABLE + " is not valid base64: set it to the base64 "
                    + "encoding of 32 random bytes (for example the output of `openssl rand -base64 32`).");
        }
        if (bytes.length != KEY_BYTES) {
            throw new SecretBoxException(ENVIRONMENT_VARIABLE + " decodes to " + bytes.length + " bytes but must "
                    + "decode to exactly 32 (for example the output of `openssl rand -base64 32`).");
        }
        return bytes;
    }

    /** Encrypts {@code plain} for {@code context}; every call uses a fresh nonce, so equal inputs seal differently. */
    public byte[] seal(byte[] plain, String context) {
        Objects.requireNonNull(plain, "plain");
        byte[] aad = aad(VERSION_1, context);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealedBody = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealedBody.length)
                    .put(VERSION_1).put(nonce).put(sealedBody).array();
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("A secret could not be encrypted: " + e.getMessage(), e);
        }
    }

    /** Decrypts what {@link #seal} made for the same {@code context} with the same key; anything else throws. */
    public byte[] open(byte[] sealed, String context) {
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new SecretBoxException("The stored secret is too short to be encrypted data; it was damaged or "
                    + "never encrypted.");
        }
        byte version = sealed[0];
        if (version != VERSION_1) {
            throw new SecretBoxException("The stored secret has format version " + version
                    + ", which this version of EventOS does not know.");
        }
        byte[] aad = aad(version, context);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException("The stored secret does not decrypt: " + ENVIRONMENT_VARIABLE
                    + " is not the key it was encrypted with, the data was changed, or it belongs to another record.",
                    e);
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("A secret could not be decrypted: " + e.getMessage(), e);
        }
    }

    /** Convenience for text secrets (UTF-8). */
    public byte[] sealText(String plain, String context) {
        return seal(Objects.requireNonNull(plain, "plain").getBytes(StandardCharsets.UTF_8), context);
    }

    /** Convenience for text secrets (UTF-8). */
    public String openText(byte[] sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    private SecretKeySpec requireKey() {
        if (key == null) {
            throw new SecretBoxException(ENVIRONMENT_VARIABLE + " was not loaded; the secret box was used before "
                    + "it was configured.");
        }
        return key;
    }

    private static SecretKeySpec toKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new SecretBoxException("The secret key must be exactly 32 bytes, not " + key.length + ".");
        }
        return new SecretKeySpec(key, "AES"); // keeps its own copy of the bytes
    }

    private static byte[] aad(byte version, String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("A secret needs a context (e.g. \"totp:\" + userId) to bind it to "
                    + "its record.");
        }
        byte[] text = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + text.length).put(version).put(text).array();
    }
}
