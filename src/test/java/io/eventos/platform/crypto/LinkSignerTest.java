package io.eventos.platform.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LinkSignerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD = "account+membership+1".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSignedValueOpensForItsPurposeWithItsKeyOnly() {
        LinkSigner signer = new LinkSigner(KEY);
        String value = signer.sign("unsubscribe", PAYLOAD);
        assertThat(value).matches("[A-Za-z0-9_-]+");
        assertThat(signer.open("unsubscribe", value, PAYLOAD.length)).hasValueSatisfying(
                p -> assertThat(p).isEqualTo(PAYLOAD));
        assertThat(signer.open("something-else", value, PAYLOAD.length)).isEmpty();
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(new LinkSigner(otherKey).open("unsubscribe", value, PAYLOAD.length)).isEmpty();
        assertThat(signer.open("unsubscribe", value, PAYLOAD.length - 1)).isEmpty();
    }

    @Test
    void everyChangedCharacterAndAnyGarbageIsRefusedWithoutAnException() {
        LinkSigner signer = new LinkSigner(KEY);
        String value = signer.sign("unsubscribe", PAYLOAD);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String changed = value.substring(0, i) + (c == 'A' ? 'B' : 'A') + value.substring(i + 1);
            assertThat(signer.open("unsubscribe", changed, PAYLOAD.length)).as("changed at " + i).isEmpty();
        }
        for (String garbage : Arrays.asList(null, "", "%%%", "a b", "x".repeat(500), value + "A")) {
            assertThat(signer.open("unsubscribe", garbage, PAYLOAD.length)).as(String.valueOf(garbage)).isEmpty();
        }
    }
}
