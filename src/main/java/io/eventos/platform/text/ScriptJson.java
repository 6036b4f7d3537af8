package io.eventos.platform.text;

/**
 * JSON text made safe to place inside an HTML {@code <script>} element (e.g. schema.org JSON-LD): the characters
 * that could end the element or start markup ({@code < > &}) and the JavaScript line separators are written as
 * {@code \\uXXXX} escapes, which JSON parsers read back as the same characters. In valid JSON these characters can
 * only occur inside strings, where the escapes mean exactly the same, so the data is unchanged.
 */
public final class ScriptJson {

    private ScriptJson() {
    }

    public static String escape(String json) {
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
