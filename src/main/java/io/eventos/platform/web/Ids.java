package io.eventos.platform.web;

import java.util.UUID;

/**
 * Ids as pages and servlets receive them in request parameters and form values: a UUID, or null for nothing, blank
 * or anything but the 36-character form (a forged or mistyped id is the same as an unknown one). View parameters are
 * typed {@code UUID} and converted by {@link UuidConverter} instead.
 */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id) {
        String text = id == null ? "" : id.strip();
        if (text.length() != 36) {
            return null; // UUID.fromString would take "1-2-3-4-5" too
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
