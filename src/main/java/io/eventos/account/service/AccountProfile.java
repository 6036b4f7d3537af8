package io.eventos.account.service;

import io.eventos.media.service.MediaPaths;

import java.util.UUID;

/**
 * The public face of an account: what attendees see of the organizer ({@code brandColor}: {@code #rrggbb} checked for
 * contrast, or null for the EventOS blue).
 */
public record AccountProfile(UUID id, String slug, String name, String contactEmail, String defaultTimeZone,
                             UUID logoMediaId, String brandColor) {

    /** Where the account's logo is served ({@code /media/{slug}/{id}}, relative to the context root), or null. */
    public String logoUrl() {
        return MediaPaths.of(slug, logoMediaId);
    }
}
