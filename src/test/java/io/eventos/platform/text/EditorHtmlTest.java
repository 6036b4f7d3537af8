package io.eventos.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditorHtmlTest {

    @Test
    void quillBulletListsStayBulletListsThroughTheSanitizer() {
        String quill = "<ol><li data-list=\"bullet\"><span class=\"ql-ui\"></span>Coffee</li>"
                + "<li data-list=\"bullet\">Tea</li></ol><ol><li data-list=\"ordered\">First</li></ol>";
        assertThat(SafeHtml.sanitize(EditorHtml.normalize(quill)))
                .isEqualTo("<ul><li><span></span>Coffee</li><li>Tea</li></ul><ol><li>First</li></ol>");
        assertThat(EditorHtml.normalize("<p>plain</p>")).isEqualTo("<p>plain</p>");
        assertThat(EditorHtml.normalize(null)).isNull();
    }
}
