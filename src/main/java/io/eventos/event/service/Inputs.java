package io.eventos.event.service;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Small checks shared by the event and venue services; each failure is one sentence for one field. */
final class Inputs {

    /** IANA region zones people choose from (no "Etc/GMT+3", no legacy "SystemV/..." aliases). */
    static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(zone -> (zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                    || zone.equals("UTC"))
            .toList());

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Inputs() {
    }

    static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The zone id if it is an IANA zone this server knows (e.g. "America/New_York"), else null. */
    static String zoneOrNull(String zone) {
        String id = trimToNull(zone);
        return id != null && ZoneId.getAvailableZoneIds().contains(id) ? id : null;
    }

    /** The upper-case ISO 3166 code if it is one, else null. */
    static String countryOrNull(String country) {
        String code = trimToNull(country);
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        return COUNTRIES.contains(code) ? code : null;
    }

    static boolean tooLong(String text, int max) {
        return text != null && text.length() > max;
    }

    static boolean badCapacity(Integer capacity) {
        return capacity != null && (capacity < 0 || capacity > 1_000_000);
    }
}
