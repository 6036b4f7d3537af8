package io.eventos.ticketing.service;

import io.eventos.event.service.EventFacts;
import io.eventos.ticketing.domain.Attendee;
import io.eventos.ticketing.domain.Order;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an order with its event and venue (the event context's answer, {@link EventFacts}) and its tickets in three
 * queries, for the buyer's views of it.
 */
final class OrderTicketsQuery {

    private OrderTicketsQuery() {
    }

    /**
     * The event with its place and organizer, as the checkout's header and the buyer's order show them: asked of the
     * event context ({@link EventFacts#forBuyers}, one statement, in this transaction).
     */
    static CheckoutEvent event(EventFacts events, java.util.UUID eventId) {
        EventFacts.ForBuyers e = events.forBuyers(eventId).orElseThrow(
                () -> new jakarta.persistence.NoResultException("No such event: " + eventId));
        String address = Stream.of(e.venueAddressLine1(), e.venueAddressLine2(),
                        Stream.of(e.venuePostalCode(), e.venueCity()).filter(Objects::nonNull)
                                .collect(Collectors.joining(" ")),
                        e.venueCountry())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return new CheckoutEvent(e.accountName(), e.accountSlug(), e.name(), e.slug(), e.startsAt(), e.endsAt(),
                e.timeZone(), e.venueName(), address.isEmpty() ? null : address, e.onlineUrl(), e.organizerEmail());
    }

    static OrderTickets of(EntityManager em, EventFacts events, Order order) {
        CheckoutEvent e = event(events, order.getEventId());
        List<OrderTickets.Ticket> tickets = em.createQuery("""
                        select a from Attendee a join fetch a.ticket where a.order = :order
                        order by a.createdAt, a.id""", Attendee.class)
                .setParameter("order", order).getResultStream()
                .map(a -> new OrderTickets.Ticket(a.getId(), a.getFirstName(), a.getLastName(), a.getEmail(),
                        a.getTicket().getName(), a.getCode(), a.getStatus().name().toLowerCase(Locale.ROOT)))
                .toList();
        return new OrderTickets(order.getId(), e.accountName(), e.accountSlug(), e.eventName(), e.eventSlug(),
                e.startsAt(), e.endsAt(), e.timeZone(), e.venueName(), e.venueAddress(), e.onlineUrl(),
                e.organizerEmail(), order.getCode(), order.getBuyerName(), order.getBuyerEmail(),
                order.getStatus().name().toLowerCase(Locale.ROOT), order.getTotalMinor(), order.getRefundedMinor(),
                order.getCurrency(), order.getPaymentProvider(), order.getPaymentDeadline(), tickets);
    }
}
