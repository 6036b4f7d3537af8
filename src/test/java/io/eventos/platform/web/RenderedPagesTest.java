package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedPagesTest {

    @Test
    void keptHtmlHoldsNoNonce() {
        String html = "<script src=\"/a.js\" type=\"text/javascript\" nonce=\"MjViNmVi\"></script>"
                + "<script type=\"application/ld+json\" nonce=\"MjViNmVi\">{\"name\":\"Café\"}</script>";
        byte[] kept = new RenderedPages().keep("W/\"x\"", html.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(kept, StandardCharsets.UTF_8))
                .isEqualTo("<script src=\"/a.js\" type=\"text/javascript\"></script>"
                        + "<script type=\"application/ld+json\">{\"name\":\"Café\"}</script>");
    }
}
