package io.eventos.account.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * An account's brand colour (issue 17): {@code #rrggbb}, used on its public pages for the header band, buttons (with
 * white text) and links (on the page's light background). It must be readable in both uses: WCAG 2 AA asks for a
 * contrast of at least {@value #MINIMUM_CONTRAST}:1 for normal text, computed here from the colours' relative
 * luminance (WCAG 2.2, "contrast ratio").
 */
public final class BrandColor {

    public static final double MINIMUM_CONTRAST = 4.5;
    /** The text colour on buttons and the header band in the brand colour. */
    public static final String TEXT_ON_BRAND = "#ffffff";
    /** The public pages' background, on which links are written in the brand colour (eventos.css {@code --wash}). */
    public static final String PAGE_BACKGROUND = "#f5f7fb";

    private BrandColor() {
    }

    /**
     * {@code #rrggbb} in lower case from what an organizer typed ({@code #3B4CCA}, {@code 3b4cca}, surrounding
     * spaces), or empty when it is not six hexadecimal digits. Blank input is not a colour: callers treat it as
     * "no brand colour".
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.startsWith("#")) {
            text = text.substring(1);
        }
        if (!text.matches("[0-9a-fA-F]{6}")) {
            return Optional.empty();
        }
        return Optional.of("#" + text.toLowerCase(Locale.ROOT));
    }

    /** The contrast ratio of two {@code #rrggbb} colours, from 1 (the same) to 21 (black on white). */
    public static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** The lower of its contrast with white text on it and as link text on the page background. */
    public static double readability(String color) {
        return Math.min(contrast(color, TEXT_ON_BRAND), contrast(color, PAGE_BACKGROUND));
    }

    /** Whether {@code color} is readable in every use on the public pages (at least 4.5:1 in each). */
    public static boolean readable(String color) {
        return readability(color) >= MINIMUM_CONTRAST;
    }

    /** A ratio as people read it, rounded down so that a refused colour never shows as "4.5:1": {@code 3.1:1}. */
    public static String describe(double ratio) {
        return String.format(Locale.ROOT, "%.1f:1", Math.floor(ratio * 10) / 10);
    }

    /** WCAG relative luminance of a {@code #rrggbb} colour. */
    static double luminance(String color) {
        String hex = normalize(color).orElseThrow(() -> new IllegalArgumentException("Not #rrggbb: " + color));
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
