package io.eventos.platform.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML from the rich text editor (PrimeFaces' {@code p:textEditor}, Quill 2) made ordinary before it is sanitized:
 * Quill 2 writes every list as {@code <ol>} and marks bullet items with {@code data-list="bullet"}, an attribute the
 * sanitizer drops, which would turn bullet lists into numbered ones.
 */
public final class EditorHtml {

    private EditorHtml() {
    }

    public static String normalize(String html) {
        if (html == null || !html.contains("data-list")) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element list : document.select("ol")) {
            var items = list.children().stream().filter(child -> child.tagName().equals("li")).toList();
            if (!items.isEmpty() && items.stream().allMatch(li -> "bullet".equals(li.attr("data-list")))) {
                list.tagName("ul");
            }
        }
        return document.body().html();
    }
}
