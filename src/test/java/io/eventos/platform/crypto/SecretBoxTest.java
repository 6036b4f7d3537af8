package io.eventos.platform.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key = randomKey();
    private final SecretBox box = new SecretBox(key);
    private final String context = "totp:" + UUID.randomUUID();
    private final byte[] secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);

    @Test
    void roundTrips() {
        assertThat(box.open(box.seal(secret, context), context)).isEqualTo(secret);
        assertThat(box.openText(box.sealText("zoë's token", context), context)).isEqualTo("zoë's token");
        assertThat(box.open(box.seal(new byte[0], context), context)).isEmpty();
    }

    @Test
    void sealedFormIsVersionNonceCiphertextAndTag() {
        byte[] sealed = box.seal(secret, context);
        assertThat(sealed).hasSize(1 + 12 + secret.length + 16);
        assertThat(sealed[0]).isEqualTo(SecretBox.VERSION_1);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
    }

    @Test
    void everySealUsesAFreshNonce() {
        byte[] first = box.seal(secret, context);
        byte[] second = box.seal(secret, context);
        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 1, 13));
    }

    @Test
    void anyChangedBitIsDetected() {
        byte[] sealed = box.seal(secret, context);
        for (int i = 1; i < sealed.length; i++) { // byte 0 is the version: changing it is its own error
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(tampered, context)).as("byte %d", i)
                    .isInstanceOf(SecretBoxException.class)
                    .hasMessageContaining("does not decrypt");
        }
    }

    @Test
    void truncatedOrForeignDataIsRefusedClearly() {
        byte[] sealed = box.seal(secret, context);
        byte[] shortened = java.util.Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> box.open(shortened, context)).isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> box.open(new byte[5], context)).isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> box.open(null, context)).isInstanceOf(SecretBoxException.class);
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 9;
        assertThatThrownBy(() -> box.open(otherVersion, context)).isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    void aSecretMovedToAnotherRowDoesNotOpen() {
        byte[] sealed = box.seal(secret, context);
        assertThatThrownBy(() -> box.open(sealed, "totp:" + UUID.randomUUID()))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("EVENTOS_SECRET_KEY");
        assertThatThrownBy(() -> box.seal(secret, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherKeyDoesNotOpen() {
        byte[] sealed = box.seal(secret, context);
        assertThatThrownBy(() -> new SecretBox(randomKey()).open(sealed, context))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("EVENTOS_SECRET_KEY is not the key it was encrypted with");
        assertThat(new SecretBox(key.clone()).open(sealed, context)).as("the same key again").isEqualTo(secret);
    }

    @Test
    void keyFromConfigurationIsBase64Of32Bytes() {
        String base64 = Base64.getEncoder().encodeToString(key);
        assertThat(SecretBox.decodeKey(base64)).isEqualTo(key);
        assertThat(SecretBox.decodeKey(" " + base64 + "\n")).isEqualTo(key);
        SecretBox configured = new SecretBox(SecretBox.decodeKey(base64));
        assertThat(configured.open(box.seal(secret, context), context)).isEqualTo(secret);
    }

    @Test
    void aMissingOrMalformedKeyFailsWithOneSentenceNamingTheVariable() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        for (String configured : java.util.Arrays.asList(null, "", "   ", "not base64 at all!", shortKey)) {
            assertThatThrownBy(() -> SecretBox.decodeKey(configured)).as(String.valueOf(configured))
                    .isInstanceOf(SecretBoxException.class)
                    .hasMessageStartingWith("EVENTOS_SECRET_KEY ")
                    .hasMessageContaining("32")
                    .hasMessageNotContaining(shortKey);
        }
        assertThatThrownBy(() -> SecretBox.decodeKey(shortKey)).hasMessageContaining("decodes to 16 bytes");
        for (byte[] wrongSize : List.of(new byte[0], new byte[16], new byte[33])) {
            assertThatThrownBy(() -> new SecretBox(wrongSize)).isInstanceOf(SecretBoxException.class);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
