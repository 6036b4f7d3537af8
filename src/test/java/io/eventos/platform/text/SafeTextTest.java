package io.eventos.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void scriptsHandlersAndStylesAreRemovedFromRichText() {
        String html = SafeHtml.sanitize("<h2>Hi</h2><p onclick=\"steal()\" style=\"x\">Text <b>bold</b></p>"
                + "<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>"
                + "<a href=\"https://example.org\">ok</a>");
        assertThat(html).contains("<h2>Hi</h2>", "<b>bold</b>", "href=\"https://example.org\"")
                .doesNotContain("script", "onclick", "onerror", "javascript:", "style=");
    }

    @Test
    void onlyPlainWebLinksBecomeClickable() {
        assertThat(SafeUrls.webLinkOrNull("https://www.openstreetmap.org/?mlat=52.5")).startsWith("https://");
        assertThat(SafeUrls.webLinkOrNull("http://maps.example/x")).isNotNull();
        assertThat(SafeUrls.webLinkOrNull("javascript:alert(document.cookie)")).isNull();
        assertThat(SafeUrls.webLinkOrNull(" JAVASCRIPT:alert(1)")).isNull();
        assertThat(SafeUrls.webLinkOrNull("data:text/html,<script>alert(1)</script>")).isNull();
        assertThat(SafeUrls.webLinkOrNull("//evil.example/x")).isNull();
        assertThat(SafeUrls.webLinkOrNull("not a url")).isNull();
        assertThat(SafeUrls.webLinkOrNull(null)).isNull();
    }
}
