package io.eventos.account.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryCodesTest {

    private final UUID user = UUID.randomUUID();

    @Test
    void generatesTenDistinctCodesInAnUnambiguousAlphabet() {
        RecoveryCodes.Issued issued = RecoveryCodes.generate(user);
        assertThat(issued.codes()).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}"));
        assertThat(RecoveryCodes.ALPHABET).doesNotContain("0", "1", "o", "l", "i");
        assertThat(RecoveryCodes.generate(user).codes()).doesNotContainAnyElementsOf(issued.codes());
    }

    @Test
    void storesOnlyHashes() {
        RecoveryCodes.Issued issued = RecoveryCodes.generate(user);
        String json = RecoveryCodes.toJson(issued.hashes());
        assertThat(issued.hashes()).hasSize(10).allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
        for (String code : issued.codes()) {
            assertThat(json).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
    }

    @Test
    void eachCodeWorksExactlyOnce() {
        RecoveryCodes.Issued issued = RecoveryCodes.generate(user);
        String code = issued.codes().get(3);

        Optional<List<String>> remaining = RecoveryCodes.consume(user, issued.hashes(), code);
        assertThat(remaining).hasValueSatisfying(hashes -> assertThat(hashes).hasSize(9)
                .doesNotContain(issued.hashes().get(3)));

        assertThat(RecoveryCodes.consume(user, remaining.get(), code)).as("used again").isEmpty();
        assertThat(RecoveryCodes.consume(user, remaining.get(), issued.codes().get(4))).hasValueSatisfying(
                hashes -> assertThat(hashes).hasSize(8));
    }

    @Test
    void typingIsForgivingAboutCaseDashesAndSpaces() {
        RecoveryCodes.Issued issued = RecoveryCodes.generate(user);
        String code = issued.codes().get(0);
        String plain = code.replace("-", "");
        for (String typed : List.of(code.toUpperCase(Locale.ROOT), plain, " " + plain.substring(0, 4) + " "
                + plain.substring(4) + " ", plain.substring(0, 2) + "-" + plain.substring(2))) {
            assertThat(RecoveryCodes.consume(user, issued.hashes(), typed)).as(typed).isPresent();
        }
    }

    @Test
    void refusesWrongCodesAndAnotherUsersCodes() {
        RecoveryCodes.Issued issued = RecoveryCodes.generate(user);
        assertThat(RecoveryCodes.consume(user, issued.hashes(), "2345-6789")).isEmpty();
        assertThat(RecoveryCodes.consume(user, issued.hashes(), "123456")).isEmpty();
        assertThat(RecoveryCodes.consume(user, issued.hashes(), "")).isEmpty();
        assertThat(RecoveryCodes.consume(user, issued.hashes(), null)).isEmpty();
        assertThat(RecoveryCodes.consume(UUID.randomUUID(), issued.hashes(), issued.codes().get(0)))
                .as("hashes are salted per user").isEmpty();
        assertThat(RecoveryCodes.consume(user, List.of(), issued.codes().get(0))).isEmpty();
    }

    @Test
    void jsonRoundTripsAndReadsPostgresJsonbOutput() {
        List<String> hashes = RecoveryCodes.generate(user).hashes();
        assertThat(RecoveryCodes.fromJson(RecoveryCodes.toJson(hashes))).isEqualTo(hashes);
        // jsonb prints arrays with a space after each comma
        assertThat(RecoveryCodes.fromJson("[\"" + hashes.get(0) + "\", \"" + hashes.get(1) + "\"]"))
                .containsExactly(hashes.get(0), hashes.get(1));
        assertThat(RecoveryCodes.fromJson("[]")).isEmpty();
        assertThat(RecoveryCodes.toJson(List.of())).isEqualTo("[]");
    }

    @Test
    void refusesDamagedJson() {
        for (String json : List.of("", "{}", "[\"abc\"]", "[1]", "[\"" + "a".repeat(64) + "\",]", "null")) {
            assertThatThrownBy(() -> RecoveryCodes.fromJson(json)).as(json)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RecoveryCodes.fromJson(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
