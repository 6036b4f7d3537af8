package io.eventos.crm.service;

import java.util.List;
import java.util.UUID;

/**
 * Filters of the contact list and the rules of a segment; null (or blank) fields do not filter. {@code text} is
 * matched as word prefixes against the contacts' search vector (names, email, company, job title, city);
 * {@code consent} is "yes" or "no". The event behaviour is the timeline's (read from the facts kept with it, V36,
 * {@link ContactEventFacts}): bought a ticket for an event
 * (an "order paid" entry), attended it (a check-in), bought for it but did not come, attended at least N events,
 * and {@code buyer} "first" (bought for exactly one event) or "repeat" (for two or more).
 * <p>From ticketing's read model (V30): {@code abandoned} "any" or an event's id (a checkout of theirs ran out
 * unfinished and no order of that event followed), {@code spentCurrency} with {@code spentAtLeastMinor} (paid orders
 * minus refunds in that currency, at least that many minor units), {@code ticketType} (bought that ticket type, the
 * order still paid). {@code custom}: conditions on custom fields, all of which must hold (e.g. "Industry is Media"
 * and "Budget ≥ 5000"), at most {@link #MAX_CUSTOM_CONDITIONS}; never null. Typed values are checked by
 * {@link ContactFilters}.
 */
public record ContactFilter(String text, String tag, UUID boughtEvent, UUID attendedEvent, String consent,
                            UUID owner, UUID boughtNotAttendedEvent, Integer attendedAtLeast, String buyer,
                            String abandoned, String spentCurrency, Long spentAtLeastMinor, UUID ticketType,
                            List<CustomFieldCondition> custom) {

    /** How many custom field conditions one filter may have (the list offers as many rows). */
    public static final int MAX_CUSTOM_CONDITIONS = 5;

    public ContactFilter {
        custom = custom == null ? List.of() : List.copyOf(custom);
    }

    public ContactFilter(String text, String tag, UUID boughtEvent, UUID attendedEvent, String consent, UUID owner) {
        this(text, tag, boughtEvent, attendedEvent, consent, owner, null, null, null);
    }

    public ContactFilter(String text, String tag, UUID boughtEvent, UUID attendedEvent, String consent, UUID owner,
                         UUID boughtNotAttendedEvent, Integer attendedAtLeast, String buyer) {
        this(text, tag, boughtEvent, attendedEvent, consent, owner, boughtNotAttendedEvent, attendedAtLeast, buyer,
                null, null, null, null, null);
    }

    public static ContactFilter all() {
        return new ContactFilter(null, null, null, null, null, null);
    }

    /**
     * This filter with the rules read from ticketing's facts replaced, and one custom field condition (null: none)
     * in place of its conditions.
     */
    public ContactFilter withSales(String abandoned, String spentCurrency, Long spentAtLeastMinor, UUID ticketType,
                                   CustomFieldCondition custom) {
        return new ContactFilter(text, tag, boughtEvent, attendedEvent, consent, owner, boughtNotAttendedEvent,
                attendedAtLeast, buyer, abandoned, spentCurrency, spentAtLeastMinor, ticketType,
                custom == null ? List.of() : List.of(custom));
    }

    /** This filter with these custom field conditions (all must hold) in place of its own. */
    public ContactFilter withCustom(List<CustomFieldCondition> conditions) {
        return new ContactFilter(text, tag, boughtEvent, attendedEvent, consent, owner, boughtNotAttendedEvent,
                attendedAtLeast, buyer, abandoned, spentCurrency, spentAtLeastMinor, ticketType, conditions);
    }

    /** Whether one of the rules of the "More filters" panel is set. */
    public boolean usesMoreFilters() {
        return abandoned != null || spentAtLeastMinor != null || ticketType != null || !custom.isEmpty();
    }
}
