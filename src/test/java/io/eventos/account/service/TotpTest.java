package io.eventos.account.service;

import io.eventos.platform.text.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_SECRET = Base32.encode(RFC_KEY);
    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");

    private final Totp totp = new Totp(Clock.fixed(NOW, ZoneOffset.UTC));
    private final long now = Totp.stepAt(NOW);

    /** RFC 6238 Appendix B, the SHA1 column (8 digits). */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037"})
    void rfc6238AppendixBVectors(long unixSeconds, String expected) {
        long step = Totp.stepAt(Instant.ofEpochSecond(unixSeconds));
        assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
        // the 6-digit code an app shows is the same truncation, modulo 10^6
        assertThat(Totp.codeAt(RFC_SECRET, step)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsTheCurrentCodeAndReturnsItsStep() {
        assertThat(totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, now), null)).hasValue(now);
    }

    @Test
    void acceptsOneStepOfClockDriftEitherWayButNoMore() {
        assertThat(totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, now - 1), null)).hasValue(now - 1);
        assertThat(totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, now + 1), null)).hasValue(now + 1);
        assertThat(totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, now - 2), null)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, now + 2), null)).isEmpty();
    }

    @Test
    void theStepBoundaryIsEvery30Seconds() {
        long start = now * Totp.PERIOD_SECONDS;
        assertThat(Totp.stepAt(Instant.ofEpochSecond(start))).isEqualTo(now);
        assertThat(Totp.stepAt(Instant.ofEpochSecond(start + 29))).isEqualTo(now);
        assertThat(Totp.stepAt(Instant.ofEpochSecond(start + 30))).isEqualTo(now + 1);
        Totp lateInTheStep = new Totp(Clock.fixed(Instant.ofEpochSecond(start + 29), ZoneOffset.UTC));
        assertThat(lateInTheStep.currentStep()).isEqualTo(now);
    }

    @Test
    void refusesAReplayOfTheSameCodeOrAnOlderOne() {
        String current = Totp.codeAt(RFC_SECRET, now);
        OptionalLong first = totp.verify(RFC_SECRET, current, null);
        assertThat(first).hasValue(now);

        assertThat(totp.verify(RFC_SECRET, current, first.getAsLong())).as("same code again").isEmpty();
        assertThat(totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, now - 1), first.getAsLong()))
                .as("an older code still inside the drift window").isEmpty();
        assertThat(totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, now + 1), first.getAsLong()))
                .as("the next code").hasValue(now + 1);
    }

    @Test
    void refusesWrongAndMalformedCodes() {
        String right = Totp.codeAt(RFC_SECRET, now);
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        assertThat(totp.verify(RFC_SECRET, wrong, null)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, right.substring(1), null)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, right + "0", null)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, "abcdef", null)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, "", null)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, null, null)).isEmpty();
        assertThat(totp.verify(Totp.newSecret(), right, null)).as("another secret").isEmpty();
    }

    @Test
    void ignoresSpacesPeopleTypeInsideTheCode() {
        String code = Totp.codeAt(RFC_SECRET, now);
        assertThat(totp.verify(RFC_SECRET, " " + code.substring(0, 3) + " " + code.substring(3) + " ", null))
                .hasValue(now);
    }

    @Test
    void newSecretsAre20RandomBytesInBase32() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void otpauthUriNamesIssuerAndAccountAndTheParameters() {
        assertThat(Totp.otpauthUri("alice@example.com", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/EventOS:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=EventOS"
                        + "&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.otpauthUri("a+b c@example.com", "JBSWY3DPEHPK3PXP"))
                .startsWith("otpauth://totp/EventOS:a%2Bb%20c@example.com?");
    }

    @Test
    void tellsCodesFromOtherInput() {
        assertThat(Totp.looksLikeCode("123456")).isTrue();
        assertThat(Totp.looksLikeCode("123 456")).isTrue();
        assertThat(Totp.looksLikeCode("k7qm-2xwd")).isFalse();
        assertThat(Totp.looksLikeCode("12345")).isFalse();
    }
}
