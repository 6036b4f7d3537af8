package io.eventos.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static final String EMAIL = "member@demo.eventos.test";

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(PasswordPolicy.problem("harbour-lantern-4821", EMAIL)).isEmpty();
        assertThat(PasswordPolicy.problem("exactly10!", EMAIL)).isEmpty();
    }

    @Test
    void emptyAndShortPasswordsAreRefused() {
        assertThat(PasswordPolicy.problem(null, EMAIL)).contains(PasswordPolicy.EMPTY);
        assertThat(PasswordPolicy.problem("", EMAIL)).contains(PasswordPolicy.EMPTY);
        assertThat(PasswordPolicy.problem("nine-char", EMAIL)).contains(PasswordPolicy.TOO_SHORT);
        assertThat(PasswordPolicy.TOO_SHORT).isEqualTo("Use at least 10 characters.");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // nine emoji are 18 UTF-16 units but nine characters
        assertThat(PasswordPolicy.problem("😀".repeat(9), EMAIL)).contains(PasswordPolicy.TOO_SHORT);
        assertThat(PasswordPolicy.problem("😀".repeat(10), EMAIL)).isEmpty();
    }

    @Test
    void absurdlyLongPasswordsAreRefused() {
        assertThat(PasswordPolicy.problem("x7".repeat(128), EMAIL)).isEmpty();
        assertThat(PasswordPolicy.problem("x7".repeat(128) + "y", EMAIL)).contains(PasswordPolicy.TOO_LONG);
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(PasswordPolicy.problem("password123", EMAIL)).contains(PasswordPolicy.TOO_COMMON);
        assertThat(PasswordPolicy.problem("PassWord123", EMAIL)).contains(PasswordPolicy.TOO_COMMON);
        assertThat(PasswordPolicy.problem("QWERTYUIOP", EMAIL)).contains(PasswordPolicy.TOO_COMMON);
        assertThat(PasswordPolicy.problem("1234567890", EMAIL)).contains(PasswordPolicy.TOO_COMMON);
        assertThat(PasswordPolicy.problem(" password123 ", EMAIL)).contains(PasswordPolicy.TOO_COMMON);
    }

    @Test
    void theListIsLoadedAndHasAboutTwoHundredEntries() {
        assertThat(PasswordPolicy.isCommon("iloveyou123")).isTrue();
        assertThat(PasswordPolicy.isCommon("# common passwords")).isFalse();
        assertThat(PasswordPolicy.isCommon("harbour-lantern-4821")).isFalse();
    }

    @Test
    void theEmailAddressIsNotAPassword() {
        assertThat(PasswordPolicy.problem("member@demo.eventos.test", EMAIL)).contains(PasswordPolicy.IS_EMAIL);
        assertThat(PasswordPolicy.problem("Member@Demo.Eventos.Test", EMAIL)).contains(PasswordPolicy.IS_EMAIL);
        assertThat(PasswordPolicy.problem("member@demo.eventos.test", null)).isEmpty();
    }

    @Test
    void everyMessageIsOneSentence() {
        for (String message : new String[]{PasswordPolicy.EMPTY, PasswordPolicy.TOO_SHORT, PasswordPolicy.TOO_LONG,
                PasswordPolicy.TOO_COMMON, PasswordPolicy.IS_EMAIL}) {
            assertThat(message).endsWith(".").doesNotContain(". ");
            assertThat(Character.isUpperCase(message.charAt(0))).isTrue();
        }
    }
}
