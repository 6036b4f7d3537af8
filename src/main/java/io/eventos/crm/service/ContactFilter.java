package io.eventos.crm.service;

import java.util.UUID;

/**
 * Filters of the contact list and the rules of a segment; null (or blank) fields do not filter. {@code text} is
 * matched as word prefixes against the contacts' search vector (names, email, company, job title, city);
 * {@code consent} is "yes" or "no". The event behaviour comes from the timeline: bought a ticket for an event
 * (an "order paid" entry), attended it (a check-in), bought for it but did not come, attended at least N events,
 * and {@code buyer} "first" (bought for exactly one event) or "repeat" (for two or more).
 */
public record ContactFilter(String text, String tag, UUID boughtEvent, UUID attendedEvent, String consent,
                            UUID owner, UUID boughtNotAttendedEvent, Integer attendedAtLeast, String buyer) {

    public ContactFilter(String text, String tag, UUID boughtEvent, UUID attendedEvent, String consent, UUID owner) {
        this(text, tag, boughtEvent, attendedEvent, consent, owner, null, null, null);
    }

    public static ContactFilter all() {
        return new ContactFilter(null, null, null, null, null, null);
    }
}
