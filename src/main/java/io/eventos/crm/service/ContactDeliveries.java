package io.eventos.crm.service;

import java.util.List;
import java.util.UUID;

/**
 * What a merge and an erasure ask of marketing (which answers: {@code marketing.service.DeliveriesForContacts}): a person's
 * campaign deliveries follow their contact to the survivor, and back on undo. Owned here so that the CRM depends on
 * no other context for it: marketing, whose campaigns go to the CRM's contacts, depends on the CRM
 * (docs/architecture.md, "Packages"). Runs in the caller's transaction; the CRM service has checked its permission.
 */
public interface ContactDeliveries {

    /**
     * Moves the deliveries of contact {@code from} to contact {@code to}, except those of a campaign {@code to} got
     * too (a campaign reaches a contact once); returns the ids of those moved (for the undo).
     */
    List<UUID> move(UUID from, UUID to);

    /**
     * Undoes {@link #move}: these deliveries go back from {@code to} to {@code from}, each only if it still names
     * {@code to}.
     */
    void moveBack(UUID from, UUID to, List<UUID> moved);

    /**
     * The person of these contacts (one, and the rows merged into it) is erased: their campaign deliveries forget the
     * address they went to ({@code email} becomes empty); what happened to each (sent, opened, bounced...) stays, as
     * the campaign's counts. Returns how many deliveries forgot it.
     */
    int erase(List<UUID> contacts);
}
