package io.eventos.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed values for links that must work without signing in and without a row per link (e.g. the weekly summary's
 * "unsubscribe"): {@code base64url(payload || HMAC-SHA256(key, purpose || 0 || payload)[0..16))}. The key is derived
 * from the application key ({@code EVENTOS_SECRET_KEY}, {@link SecretBox}) with its own label, so it is never the key
 * that encrypts secrets; the purpose is bound into the tag, so a value signed for one purpose does not open another.
 * A link is revoked by changing what its payload must match (e.g. a counter stored with the member), or all of them
 * at once by a new application key. Verification compares in constant time and never throws for bad input.
 */
@ApplicationScoped
public class LinkSigner {

    static final int TAG_BYTES = 16;
    private static final byte[] LABEL = "eventos link signing v1".getBytes(StandardCharsets.US_ASCII);

    private SecretKeySpec key;

    /** For CDI: the key is derived in {@link #loadKeyFromConfig()}. */
    protected LinkSigner() {
    }

    /** With an explicit application key of 32 bytes (tests). */
    public LinkSigner(byte[] applicationKey) {
        this.key = derive(applicationKey);
    }

    @PostConstruct
    void loadKeyFromConfig() {
        key = derive(SecretBox.decodeKey(ConfigProvider.getConfig()
                .getOptionalValue(SecretBox.CONFIG_KEY, String.class).orElse(null)));
    }

    private static SecretKeySpec derive(byte[] applicationKey) {
        return new SecretKeySpec(hmac(new SecretKeySpec(applicationKey, "HmacSHA256"), LABEL), "HmacSHA256");
    }

    /** The link value of {@code payload} for {@code purpose} (URL-safe, no padding). */
    public String sign(String purpose, byte[] payload) {
        byte[] out = Arrays.copyOf(payload, payload.length + TAG_BYTES);
        System.arraycopy(tag(purpose, payload), 0, out, payload.length, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /**
     * The payload of a value signed for {@code purpose} with {@code payloadBytes} bytes, or empty when the value is
     * missing, malformed, of another length, signed for another purpose or with another key, or changed.
     */
    public Optional<byte[]> open(String purpose, String value, int payloadBytes) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != payloadBytes + TAG_BYTES) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(raw, payloadBytes);
        byte[] given = Arrays.copyOfRange(raw, payloadBytes, raw.length);
        return MessageDigest.isEqual(given, tag(purpose, payload)) ? Optional.of(payload) : Optional.empty();
    }

    private byte[] tag(String purpose, byte[] payload) {
        byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[p.length + 1 + payload.length];
        System.arraycopy(p, 0, message, 0, p.length);
        System.arraycopy(payload, 0, message, p.length + 1, payload.length);
        return Arrays.copyOf(hmac(key, message), TAG_BYTES);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
