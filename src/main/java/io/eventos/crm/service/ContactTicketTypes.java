package io.eventos.crm.service;

import java.util.List;
import java.util.UUID;

/**
 * What the CRM asks of ticketing (which answers: {@code ticketing.service.TicketTypesForContacts}): the account's
 * ticket types, for the contact list's "bought ticket type" filter and the currencies of its "spent at least"
 * filter. Who bought what and how much they spent is read in SQL through ticketing's read model
 * ({@code contact_ticket_types()}, {@code contact_spend()}, {@code abandoned_checkout_emails()}; V30).
 */
public interface ContactTicketTypes {

    /** A ticket type as the contact list names it: "Summit 2026 · Early bird". */
    record TicketTypeChoice(UUID id, String eventName, String name, String currency) {
        public String label() {
            return eventName + " · " + name;
        }
    }

    /** The account's ticket types, newest events first (at most 500). */
    List<TicketTypeChoice> choices();
}
