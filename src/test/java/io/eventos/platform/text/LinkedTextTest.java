package io.eventos.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkedTextTest {

    @Test
    void webAddressesBecomeLinksAndTheRestStaysText() {
        var pieces = LinkedText.of("Open https://events.example.com/reset-password.xhtml?token=a_b-c within one hour.");
        assertThat(pieces).containsExactly(
                new LinkedText.Piece("Open ", null),
                new LinkedText.Piece("https://events.example.com/reset-password.xhtml?token=a_b-c",
                        "https://events.example.com/reset-password.xhtml?token=a_b-c"),
                new LinkedText.Piece(" within one hour.", null));
    }

    @Test
    void sentencePunctuationIsNotPartOfTheLink() {
        var pieces = LinkedText.of("See (http://example.com/a), or http://example.com/b.");
        assertThat(pieces).filteredOn(LinkedText.Piece::link).extracting(LinkedText.Piece::href)
                .containsExactly("http://example.com/a", "http://example.com/b");
        assertThat(String.join("", pieces.stream().map(LinkedText.Piece::text).toList()))
                .isEqualTo("See (http://example.com/a), or http://example.com/b.");
    }

    @Test
    void onlyHttpAndHttpsAreLinks() {
        String text = "javascript:alert(1) data:text/html,<b>x</b> ftp://example.com mailto:a@example.com "
                + "file:///etc/passwd https://";
        assertThat(LinkedText.of(text)).noneMatch(LinkedText.Piece::link);
        assertThat(String.join("", LinkedText.of(text).stream().map(LinkedText.Piece::text).toList())).isEqualTo(text);
    }

    @Test
    void markupIsNeverPartOfALink() {
        var pieces = LinkedText.of("<a href=\"https://example.com/x\">click</a>");
        assertThat(pieces).filteredOn(LinkedText.Piece::link).extracting(LinkedText.Piece::href)
                .containsExactly("https://example.com/x");
    }

    @Test
    void emptyText() {
        assertThat(LinkedText.of(null)).isEmpty();
        assertThat(LinkedText.of("")).isEmpty();
        assertThat(LinkedText.of("no links")).containsExactly(new LinkedText.Piece("no links", null));
    }
}
