package io.eventos.media.service;

import java.util.UUID;

/**
 * Where an uploaded file (cover image, logo, speaker photo) is served: {@code /media/{accountSlug}/{mediaId}},
 * public and cached for a year (a media row never changes; a new upload gets a new id). Paths are relative to the
 * context root.
 */
public final class MediaPaths {

    public static final String PREFIX = "/media/";

    private MediaPaths() {
    }

    /** The path of a file of an account, or null if there is none. */
    public static String of(String accountSlug, UUID mediaId) {
        if (accountSlug == null || mediaId == null) {
            return null;
        }
        return PREFIX + accountSlug + "/" + mediaId;
    }
}
