package io.eventos.ticketing.service;

import java.util.List;

/**
 * The checkout form: the hold to turn into an order, the buyer, one attendee per held ticket (in the order of
 * {@link HoldView#ticketSlots()}), consent, the chosen way to pay, and a key that makes a resubmitted form
 * return the order it already created instead of a second one.
 */
public record OrderRequest(String holdToken, String buyerName, String buyerEmail, List<AttendeeName> attendees,
                           boolean marketingConsent, String paymentProvider, String idempotencyKey, String locale) {

    public record AttendeeName(String firstName, String lastName, String email) {
    }
}
