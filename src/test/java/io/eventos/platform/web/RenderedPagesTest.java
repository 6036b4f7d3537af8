package io.eventos.platform.web;

import io.eventos.platform.text.Gzip;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedPagesTest {

    @Test
    void keptHtmlHoldsNoNonce() {
        String html = "<script src=\"/a.js\" type=\"text/javascript\" nonce=\"MjViNmVi\"></script>"
                + "<script type=\"application/ld+json\" nonce=\"MjViNmVi\">{\"name\":\"Café\"}</script>";
        RenderedPages.Rendering kept = new RenderedPages().keep("W/\"x\"", html.getBytes(StandardCharsets.UTF_8));
        String expected = "<script src=\"/a.js\" type=\"text/javascript\"></script>"
                + "<script type=\"application/ld+json\">{\"name\":\"Café\"}</script>";
        assertThat(new String(kept.html(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(new String(Gzip.decompress(kept.gzip()), StandardCharsets.UTF_8)).as("the gzip form")
                .isEqualTo(expected);
    }

    /** Browsers' headers get the gzip form; what refuses it, or does not say, gets the HTML. */
    @Test
    void gzipGoesToClientsThatAcceptIt() {
        for (String accepts : java.util.List.of("gzip, deflate, br, zstd", "gzip", "br;q=1.0, GZIP;q=0.5",
                "x-gzip", "*", "deflate, *;q=0.1", "gzip;q=0.001")) {
            assertThat(RenderedPages.acceptsGzip(accepts)).as(accepts).isTrue();
        }
        for (String refuses : java.util.Arrays.asList(null, "", "identity", "br, deflate", "gzip;q=0",
                "gzip; q=0.000", "*;q=0", "*, gzip;q=0", "gzipped")) {
            assertThat(RenderedPages.acceptsGzip(refuses)).as(String.valueOf(refuses)).isFalse();
        }
    }

    /**
     * The bytes are scanned without decoding the page (UTF-8 and ISO-8859-1): the same result as the pattern over the
     * decoded text, with multi-byte characters next to and between the attributes, at the very start and end, an
     * attribute that is not closed (kept), and text that only resembles one; a page without any is returned as it is.
     */
    @Test
    void noncesLeaveTheBytesAsRemovingThemFromTheTextWould() {
        java.util.regex.Pattern nonce = java.util.regex.Pattern.compile(" nonce=\"[^\"]*\"");
        for (String html : java.util.List.of(
                "<p>Zürich – 東京 🎫</p><script nonce=\"a+b/c==\">x</script><b nonce=\"ü€\">Ä</b>",
                " nonce=\"start\"<i>mid</i> nonce=\"end\"",
                "<p>nonce=\"no space before\" and  nonce=\"two spaces\"</p>",
                "<script nonce=\"never closed>…",
                "<p>Straße, no attribute at all</p>",
                "")) {
            String expected = nonce.matcher(html).replaceAll("");
            for (java.nio.charset.Charset charset : java.util.List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16,
                    StandardCharsets.ISO_8859_1)) {
                if (!charset.newEncoder().canEncode(html)) {
                    continue;
                }
                assertThat(new String(RenderedPages.withoutNonces(html.getBytes(charset), charset), charset))
                        .as(charset + ": " + html).isEqualTo(expected);
            }
        }
        byte[] plain = "<p>no nonce</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(RenderedPages.withoutNonces(plain, StandardCharsets.UTF_8)).isSameAs(plain);
    }
}
