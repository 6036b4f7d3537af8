package io.eventos.event.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSlugTest {

    @Test
    void namesBecomeLowerCaseAsciiWithSingleDashes() {
        assertThat(EventSlug.from("Jazz on the River!")).isEqualTo("jazz-on-the-river");
        assertThat(EventSlug.from("  Café Nuit — Größe 2027 ")).isEqualTo("cafe-nuit-grosse-2027");
        assertThat(EventSlug.from("<script>alert(1)</script>")).isEqualTo("script-alert-1-script");
        assertThat(EventSlug.from("???")).isEqualTo("event");
        assertThat(EventSlug.from(null)).isEqualTo("event");
        assertThat(EventSlug.from("a".repeat(100))).hasSize(EventSlug.MAX_LENGTH);
    }

    @Test
    void suffixesStayWithinTheLimit() {
        assertThat(EventSlug.withSuffix("meetup", 1)).isEqualTo("meetup");
        assertThat(EventSlug.withSuffix("meetup", 3)).isEqualTo("meetup-3");
        String longest = EventSlug.withSuffix("a".repeat(EventSlug.MAX_LENGTH), 12);
        assertThat(longest).hasSize(EventSlug.MAX_LENGTH).endsWith("-12");
        assertThat(EventSlug.isValid(longest)).isTrue();
    }

    @Test
    void onlyWellFormedSlugsAreValid() {
        assertThat(EventSlug.isValid("summer-party-2027")).isTrue();
        assertThat(EventSlug.isValid("Summer")).isFalse();
        assertThat(EventSlug.isValid("a--b")).isFalse();
        assertThat(EventSlug.isValid("-a")).isFalse();
        assertThat(EventSlug.isValid("")).isFalse();
        assertThat(EventSlug.isValid("a".repeat(EventSlug.MAX_LENGTH + 1))).isFalse();
    }
}
