package io.eventos.platform.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Search as you type on a tsvector: "jazz riv" → {@code jazz:* & riv:*} for {@code to_tsquery('simple', ?)}; every
 * word must start a word of the row. Only letters and digits reach the query syntax (anything else separates words),
 * so nothing typed can break it; at most 10 words.
 */
public final class PrefixQuery {

    private PrefixQuery() {
    }

    /** The query, or null when there is nothing to search for. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).limit(10).map(w -> w + ":*").toList();
        return words.isEmpty() ? null : String.join(" & ", words);
    }
}
