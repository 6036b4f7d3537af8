package io.eventos.crm.service;

import java.util.UUID;

/**
 * Filters of the contact list; null (or blank) fields do not filter. {@code text} is matched as word prefixes
 * against the contacts' search vector (names, email, company, job title); {@code consent} is "yes" or "no".
 */
public record ContactFilter(String text, String tag, UUID boughtEvent, UUID attendedEvent, String consent,
                            UUID owner) {

    public static ContactFilter all() {
        return new ContactFilter(null, null, null, null, null, null);
    }
}
