package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as its buyer sees it (private order page, confirmation email, PDF): the event with its times and place,
 * the order and one entry per ticket with its code.
 */
public record OrderTickets(UUID orderId, String accountName, String accountSlug, String eventName, String eventSlug,
                           Instant startsAt, Instant endsAt, String timeZone, String venueName, String venueAddress,
                           String onlineUrl, String organizerEmail, String orderCode, String buyerName,
                           String buyerEmail, String status, long totalMinor, long refundedMinor, String currency,
                           String paymentProvider, Instant paymentDeadline, List<Ticket> tickets)
        implements java.io.Serializable {

    /** One issued ticket; {@code code} is what its QR code holds. */
    public record Ticket(UUID attendeeId, String firstName, String lastName, String email, String ticketName,
                         String code, String status) implements java.io.Serializable {
        public String attendeeName() {
            return (firstName + " " + lastName).strip();
        }

        public boolean valid() {
            return "valid".equals(status);
        }
    }

    public List<Ticket> validTickets() {
        return tickets.stream().filter(Ticket::valid).toList();
    }

    /** The same order with another status (an order whose status changes after it was read in the transaction). */
    public OrderTickets withStatus(String newStatus) {
        return new OrderTickets(orderId, accountName, accountSlug, eventName, eventSlug, startsAt, endsAt, timeZone,
                venueName, venueAddress, onlineUrl, organizerEmail, orderCode, buyerName, buyerEmail, newStatus,
                totalMinor, refundedMinor, currency, paymentProvider, paymentDeadline, tickets);
    }

    public boolean paid() {
        return "paid".equals(status);
    }
}
