package io.eventos.ticketing.service;

import io.eventos.ticketing.domain.Attendee;
import io.eventos.ticketing.domain.Order;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads an order with its event, venue and tickets in three queries, for the buyer's views of it. */
final class OrderTicketsQuery {

    private OrderTicketsQuery() {
    }

    /** The event with its place and organizer, as the checkout's header and the buyer's order show them. */
    static CheckoutEvent event(EntityManager em, java.util.UUID eventId) {
        Object[] e = (Object[]) em.createNativeQuery("""
                        select a.name, a.slug, e.name, e.slug, e.starts_at, e.ends_at, e.time_zone,
                               v.name, v.address_line1, v.address_line2, v.postal_code, v.city, v.country,
                               e.online_url, coalesce(e.organizer_email, a.contact_email)
                        from events e
                        join accounts a on a.id = e.account_id
                        left join venues v on v.account_id = e.account_id and v.id = e.venue_id
                        where e.id = ?1""")
                .setParameter(1, eventId).getSingleResult();
        String address = Stream.of((String) e[8], (String) e[9],
                        Stream.of((String) e[10], (String) e[11]).filter(Objects::nonNull).collect(Collectors.joining(" ")),
                        e[12] == null ? null : String.valueOf(e[12]))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        return new CheckoutEvent((String) e[0], (String) e[1], (String) e[2], (String) e[3], SqlValues.instant(e[4]),
                SqlValues.instant(e[5]), (String) e[6], (String) e[7], address.isEmpty() ? null : address,
                (String) e[13], (String) e[14]);
    }

    static OrderTickets of(EntityManager em, Order order) {
        CheckoutEvent e = event(em, order.getEventId());
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
