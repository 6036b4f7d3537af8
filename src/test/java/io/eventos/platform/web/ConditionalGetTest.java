package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalGetTest {

    @Test
    void weakAndStrongFormsOfTheSameTagMatch() {
        assertThat(ConditionalGet.matches("W/\"abc\"", "W/\"abc\"")).isTrue();
        assertThat(ConditionalGet.matches("\"abc\"", "W/\"abc\"")).isTrue();
        assertThat(ConditionalGet.matches("\"x\", W/\"abc\"", "W/\"abc\"")).isTrue();
        assertThat(ConditionalGet.matches("*", "W/\"abc\"")).isTrue();
    }

    @Test
    void otherTagsOrNoneDoNotMatch() {
        assertThat(ConditionalGet.matches("W/\"abd\"", "W/\"abc\"")).isFalse();
        assertThat(ConditionalGet.matches(null, "W/\"abc\"")).isFalse();
        assertThat(ConditionalGet.matches("", "W/\"abc\"")).isFalse();
    }
}
