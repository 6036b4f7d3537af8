package io.eventos.platform.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/** Rich text written by organizers, reduced to harmless markup (no scripts, handlers, styles or frames). */
public final class SafeHtml {

    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h2", "h3", "h4")
            .addProtocols("a", "href", "http", "https", "mailto");

    private SafeHtml() {
    }

    /** Text written into HTML (an email body): the five characters that could start markup, escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, output);
    }

    /** The visible text of some HTML, for search indexes and plain-text emails. */
    public static String toText(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
