package io.eventos.event.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Map links for venues without embedding a map: an OpenStreetMap search for the address, opened by the visitor's
 * browser (no tiles or scripts from another site on our pages).
 */
public final class MapLinks {

    private MapLinks() {
    }

    /** {@code https://www.openstreetmap.org/search?query=...} for the address parts given, or null if there are none. */
    public static String openStreetMapSearch(String... addressParts) {
        String query = Stream.of(addressParts)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(", "));
        if (query.isEmpty()) {
            return null;
        }
        return "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
