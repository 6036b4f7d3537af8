package io.eventos.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptJsonTest {

    @Test
    void aValueCannotCloseTheScriptElementOrOpenMarkup() {
        String json = "{\"name\":\"</script><script>alert(1)</script> & <!-- \u2028\"}";
        String safe = ScriptJson.escape(json);
        assertThat(safe).doesNotContain("<", ">", "&", "\u2028")
                .isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e "
                        + "\\u0026 \\u003c!-- \\u2028\"}");
    }

    @Test
    void jsonWithoutSuchCharactersIsUnchanged() {
        String json = "{\"@type\":\"Event\",\"name\":\"Nordic Product Summit\",\"price\":\"249.00\"}";
        assertThat(ScriptJson.escape(json)).isEqualTo(json);
    }
}
