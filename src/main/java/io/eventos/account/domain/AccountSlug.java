package io.eventos.account.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The public URL name of an account ({@code /e/{slug}}), derived from its organization name: lower-case ASCII
 * letters and digits separated by single dashes (the {@code accounts_slug_check} constraint), at most
 * {@value #MAX_LENGTH} characters. Accents are dropped ("Café Åland" becomes {@code cafe-aland}); a name with no
 * usable letters becomes {@value #FALLBACK}. Taken slugs get {@code -2}, {@code -3}, ... ({@link #withSuffix}).
 */
public final class AccountSlug {

    public static final int MAX_LENGTH = 48;
    public static final String FALLBACK = "account";

    private AccountSlug() {
    }

    public static String from(String organizationName) {
        String text = organizationName == null ? "" : organizationName;
        text = text.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
                .replace("đ", "d").replace("Đ", "d").replace("ł", "l").replace("Ł", "l");
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** {@code base} for the first try, then {@code base-2}, {@code base-3}, ... */
    public static String withSuffix(String base, int attempt) {
        return attempt <= 1 ? base : base + "-" + attempt;
    }
}
