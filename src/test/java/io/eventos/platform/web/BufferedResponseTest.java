package io.eventos.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public site's buffered body: a page written as one whole array is held without a copy, and whatever is written
 * after or instead of it comes out in order, as it did when every write was copied into a buffer.
 */
class BufferedResponseTest {

    @Test
    void aWholeArrayIsHeldAsItIs() throws Exception {
        byte[] page = "<html>kept</html>".getBytes(StandardCharsets.UTF_8);
        BufferedResponse response = new BufferedResponse(response());
        response.getOutputStream().write(page);
        assertThat(response.body()).isSameAs(page);
    }

    @Test
    void whatIsWrittenInPartsComesOutInOrder() throws Exception {
        BufferedResponse wholeThenParts = new BufferedResponse(response());
        wholeThenParts.getOutputStream().write(bytes("<a>"));
        wholeThenParts.getOutputStream().write(bytes("xxbyy"), 2, 1);
        wholeThenParts.getOutputStream().write('c');
        wholeThenParts.getOutputStream().write(bytes("</a>"));
        assertThat(text(wholeThenParts.body())).isEqualTo("<a>bc</a>");

        BufferedResponse partFirst = new BufferedResponse(response());
        partFirst.getOutputStream().write(bytes("-ab-"), 1, 2);
        partFirst.getOutputStream().write(bytes("cd"));
        assertThat(text(partFirst.body())).isEqualTo("abcd");

        BufferedResponse written = new BufferedResponse(response());
        written.getWriter().write("Zürich");
        assertThat(text(written.body())).isEqualTo("Zürich");

        BufferedResponse reset = new BufferedResponse(response());
        reset.getOutputStream().write(bytes("gone"));
        reset.resetBuffer();
        assertThat(reset.body()).isEmpty();
        reset.getOutputStream().write(bytes("new"));
        reset.getOutputStream().write(bytes("er"));
        assertThat(text(reset.body())).isEqualTo("newer");
        assertThat(new BufferedResponse(response()).body()).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A response that answers UTF-8 for its encoding and nothing else. */
    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(BufferedResponseTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCharacterEncoding" -> "UTF-8";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
