package io.eventos.event.service;

import java.util.List;
import java.util.UUID;

/**
 * What an event's public page asks of the context that sells its tickets (ticketing answers: {@code TicketCatalog}):
 * the ticket types on offer, with what is left of each. Owned here so that the event context depends on no context
 * above it (docs/architecture.md, "Packages").
 */
public interface TicketOffers {

    /** The visible ticket types of an event, in sales order. */
    List<TicketOffer> publicOffers(UUID eventId);
}
