package io.eventos.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text cut into pieces so that web addresses in it can be shown as links: only absolute http(s) URLs become
 * links (checked by {@link SafeUrls}); everything else stays text, to be escaped by the view as usual.
 */
public final class LinkedText {

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"']+");
    /** Punctuation that ends a sentence rather than the address ("see https://example.com."). */
    private static final String TRAILING = ".,;:!?)]}";

    private LinkedText() {
    }

    /** A piece of text; {@code href} is the link target, or null for plain text. */
    public record Piece(String text, String href) {
        public boolean link() {
            return href != null;
        }
    }

    public static List<Piece> of(String text) {
        List<Piece> pieces = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pieces;
        }
        Matcher matcher = URL.matcher(text);
        int plainFrom = 0;
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String candidate = text.substring(matcher.start(), end);
            String href = SafeUrls.webLinkOrNull(candidate);
            if (href == null) {
                continue; // stays part of the surrounding text
            }
            if (matcher.start() > plainFrom) {
                pieces.add(new Piece(text.substring(plainFrom, matcher.start()), null));
            }
            pieces.add(new Piece(candidate, href));
            plainFrom = end;
        }
        if (plainFrom < text.length()) {
            pieces.add(new Piece(text.substring(plainFrom), null));
        }
        return pieces;
    }
}
