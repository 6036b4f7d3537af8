package io.eventos.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountSlugTest {

    @Test
    void lowerCaseAsciiWithDashes() {
        assertThat(AccountSlug.from("Northwind Events")).isEqualTo("northwind-events");
        assertThat(AccountSlug.from("  Café Åland & Co. ")).isEqualTo("cafe-aland-co");
        assertThat(AccountSlug.from("Straße 42 -- Berlin!")).isEqualTo("strasse-42-berlin");
        assertThat(AccountSlug.from("Ørsted Kraków")).isEqualTo("orsted-krakow");
    }

    @Test
    void nothingUsableFallsBack() {
        assertThat(AccountSlug.from("東京")).isEqualTo(AccountSlug.FALLBACK);
        assertThat(AccountSlug.from("!!!")).isEqualTo(AccountSlug.FALLBACK);
        assertThat(AccountSlug.from(null)).isEqualTo(AccountSlug.FALLBACK);
    }

    @Test
    void longNamesAreCutWithoutATrailingDash() {
        String slug = AccountSlug.from("a".repeat(47) + " bcd");
        assertThat(slug).hasSizeLessThanOrEqualTo(AccountSlug.MAX_LENGTH).doesNotEndWith("-");
        assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    @Test
    void suffixesFromTheSecondAttempt() {
        assertThat(AccountSlug.withSuffix("acme", 1)).isEqualTo("acme");
        assertThat(AccountSlug.withSuffix("acme", 2)).isEqualTo("acme-2");
        assertThat(AccountSlug.withSuffix("acme", 3)).isEqualTo("acme-3");
    }
}
