package io.eventos.platform.mail;

import io.eventos.platform.web.BaseUrl;

import java.util.Optional;

/**
 * The address for links in emails that background jobs send (no request caused them): EVENTOS_BASE_URL, or none.
 * Services reach the web platform only through here ({@link BaseUrl} reads and checks the setting once).
 */
public final class ScheduledMailLinks {

    private ScheduledMailLinks() {
    }

    /** EVENTOS_BASE_URL without a trailing slash, or empty when it is not set. */
    public static Optional<String> baseUrl() {
        return BaseUrl.configured();
    }
}
