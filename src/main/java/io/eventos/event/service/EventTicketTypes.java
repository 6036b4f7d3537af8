package io.eventos.event.service;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What the event services ask of the context that sells the tickets (ticketing answers: {@code EventTickets}),
 * inside their transaction and after their own permission check: tickets sold per event (the events list), copying
 * ticket types when an event is cloned or repeated, removing them with a draft, and whether an event may be
 * published. Owned here so that the event context depends on no context above it.
 */
public interface EventTicketTypes {

    /** Tickets sold (valid tickets of paid orders) per event, for the given events; events without any are absent. */
    Map<UUID, Long> soldByEvent(Collection<UUID> eventIds);

    long ticketTypeCount(UUID eventId);

    /** Copies the event's ticket types (and capacity groups) to another event, moving their dates by {@code shift}. */
    int copyTicketTypes(UUID fromEventId, UUID toEventId, UnaryOperator<Instant> shift);

    /** Removes the ticket types of a draft; false if anything was ever ordered or held for it (nothing removed). */
    boolean removeForDraft(UUID eventId);

    /** Why the event cannot be published yet as far as tickets go, or empty. */
    Optional<String> publishBlocker(UUID eventId);
}
