package io.eventos.crm.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the CRM asks of the events context (which answers: {@code event.service.EventsForContacts}): the account's
 * events for the contact list's "bought" and "attended" filters, and the names of the events a timeline mentions.
 * The timeline itself carries only the event's id (activities.event_id), so the CRM imports nothing of events.
 */
public interface ContactEvents {

    /** An event as the contact screens name it. */
    record ContactEvent(UUID id, String name) {
    }

    /** The account's events, newest first. */
    List<ContactEvent> choices();

    /** The names of these events (those that exist). */
    Map<UUID, String> names(Set<UUID> eventIds);
}
