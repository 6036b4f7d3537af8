package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TextInputConverterTest {

    private static final String CONTROL = "Remove the control character (such as a NUL byte) from this field.";

    @Test
    void controlCharactersAreRefusedButTabsAndLineBreaksAreText() {
        assertThat(TextInputConverter.problem("Ada\u0000Lovelace", 1000)).hasValue(CONTROL);
        assertThat(TextInputConverter.problem("bell\u0007", 1000)).hasValue(CONTROL);
        assertThat(TextInputConverter.problem("c1\u0085", 1000)).hasValue(CONTROL);
        assertThat(TextInputConverter.problem("del\u007f", 1000)).hasValue(CONTROL);
        assertThat(TextInputConverter.problem("line one\r\nline two\tand a tab", 1000)).isEmpty();
        assertThat(TextInputConverter.problem("Zoë Ünal — 東京 🎟", 1000)).isEmpty();
    }

    @Test
    void textLongerThanTheLimitIsRefusedCountingCharactersNotUtf16Units() {
        assertThat(TextInputConverter.problem("x".repeat(1000), 1000)).isEmpty();
        assertThat(TextInputConverter.problem("x".repeat(1001), 1000))
                .isEqualTo(Optional.of("Use at most 1,000 characters (this has 1,001)."));
        assertThat(TextInputConverter.problem("🎟".repeat(1000), 1000)).as("1000 emoji, 2000 UTF-16 units").isEmpty();
    }
}
