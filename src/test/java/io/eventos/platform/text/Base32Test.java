package io.eventos.platform.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base32Test {

    /** RFC 4648 section 10 test vectors (padding removed: encode writes none, decode accepts both). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|''",
            "f|MY======",
            "fo|MZXQ====",
            "foo|MZXW6===",
            "foob|MZXW6YQ=",
            "fooba|MZXW6YTB",
            "foobar|MZXW6YTBOI======"})
    void rfc4648Vectors(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(encoded.replace("=", ""));
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.replace("=", ""))).isEqualTo(bytes);
    }

    @Test
    void roundTripsEveryLengthAndByteValue() {
        Random random = new Random(42);
        for (int length = 0; length <= 64; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(Base32.decode(Base32.encode(data))).as("length %d", length).isEqualTo(data);
        }
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertThat(Base32.decode(Base32.encode(all))).isEqualTo(all);
    }

    @Test
    void decodesWhatPeopleTypeFromTheScreen() {
        assertThat(Base32.decode("mzxw 6ytb-oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void refusesCharactersOutsideTheAlphabetAndImpossibleLengths() {
        assertThatThrownBy(() -> Base32.decode("MZXW6YT1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1'");
        assertThatThrownBy(() -> Base32.decode("MZXW0YTB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode("MZXWé")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode("M")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode("MZX")).isInstanceOf(IllegalArgumentException.class);
    }
}
