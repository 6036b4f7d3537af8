package io.eventos.event.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The URL name of an event ({@code /e/{account}/{slug}}), unique within its account: lower-case ASCII letters and
 * digits separated by single dashes (the {@code events.slug} check constraint), at most {@value #MAX_LENGTH}
 * characters. Derived from the event name; accents are dropped ("Café Nuit" becomes {@code cafe-nuit}).
 */
public final class EventSlug {

    public static final int MAX_LENGTH = 80;
    public static final String FALLBACK = "event";

    private EventSlug() {
    }

    /** A slug made from a name (never empty: {@value #FALLBACK} when the name has no usable letters). */
    public static String from(String name) {
        String text = name == null ? "" : name;
        text = text.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
                .replace("đ", "d").replace("Đ", "d").replace("ł", "l").replace("Ł", "l");
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? FALLBACK : trim(slug, MAX_LENGTH);
    }

    /** Whether {@code slug} may be used as it is. */
    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    /** {@code base} for the first try, then {@code base-2}, {@code base-3}, ... (still within the length limit). */
    public static String withSuffix(String base, int attempt) {
        if (attempt <= 1) {
            return base;
        }
        String suffix = "-" + attempt;
        return trim(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    private static String trim(String slug, int max) {
        return slug.length() <= max ? slug : slug.substring(0, max).replaceAll("-+$", "");
    }
}
