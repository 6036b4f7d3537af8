package io.eventos.event.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an event's public page asks of the context that sells its tickets (ticketing answers: {@code TicketCatalog}):
 * the ticket types on offer, with what is left of each. Owned here so that the event context depends on no context
 * above it (docs/architecture.md, "Packages").
 */
public interface TicketOffers {

    /** The visible ticket types of an event, in sales order. */
    List<TicketOffer> publicOffers(UUID eventId);

    /**
     * What is left of each ticket type of the event now, by id (a null value: nothing limits it); the same figures
     * as {@link TicketOffer#remaining()}, in one statement.
     */
    Map<UUID, Integer> remaining(UUID eventId);
}
