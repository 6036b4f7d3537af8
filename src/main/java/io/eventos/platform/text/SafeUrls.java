package io.eventos.platform.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Links typed by organizers become clickable only if they are plain web links (no javascript:, data:, ...). */
public final class SafeUrls {

    private SafeUrls() {
    }

    /** The URL if it is an absolute http(s) URL with a host, otherwise null. */
    public static String webLinkOrNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // not a URL at all
        }
        return null;
    }
}
