package io.eventos.crm.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the CRM asks of ticketing for one person's data (GDPR export and erasure; answered by
 * {@code ticketing.service.PurchasesForContacts}): across every event of the bound account, the orders the person
 * bought (as the contact, or with its email) and the tickets issued to their email, and anonymizing both. Runs in the
 * caller's transaction; the CRM service has checked its permission.
 */
public interface ContactPurchases {

    /** An order the person bought: its financial facts and the buyer fields as stored. */
    record PurchasedOrder(String code, String eventName, String status, String buyerName, String buyerEmail,
                          long subtotalMinor, long discountMinor, long totalMinor, long refundedMinor, String currency,
                          Instant placedAt, Instant paidAt, Instant cancelledAt) {
    }

    /**
     * A ticket of the person: by attendee contact or email, or on their order without an address of its own. Its id
     * (the attendee's) is what check-in knows it by ({@link ContactCheckIns}).
     */
    record IssuedTicket(UUID id, String orderCode, String eventName, String ticketType, String firstName,
                        String lastName, String email, String status) {
    }

    /** How many rows an erasure anonymized. */
    record Erased(int orders, int attendees) {
    }

    /** The orders bought by this contact or with this email (may be null), oldest first. */
    List<PurchasedOrder> orders(UUID contactId, String email);

    /** The tickets issued to this contact or to this email (may be null), oldest first. */
    List<IssuedTicket> tickets(UUID contactId, String email);

    /**
     * Anonymizes the buyer fields of those orders ({@code buyerName}, a non-deliverable address, the internal note)
     * and the attendee fields of those tickets (name, email, answers); amounts, status, codes and dates stay.
     */
    Erased erase(UUID contactId, String email, String buyerName);

    /** The orders and tickets a merge moved from one contact to another (their ids, for the undo). */
    record Moved(List<UUID> orderIds, List<UUID> attendeeIds) {
    }

    /** Moves the orders bought as {@code from} and the tickets linked to {@code from} to the contact {@code to}. */
    Moved move(UUID from, UUID to);

    /**
     * Undoes {@link #move}: those orders and tickets go back from {@code to} to {@code from}, each only if it still
     * names {@code to}. Returns how many rows went back.
     */
    int moveBack(UUID from, UUID to, Moved moved);
}
