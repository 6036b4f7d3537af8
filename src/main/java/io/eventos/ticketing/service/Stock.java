package io.eventos.ticketing.service;

import java.util.Map;
import java.util.UUID;

/**
 * How much of an event is taken, at one instant: per ticket type, per capacity group and for the whole event,
 * split into paid, pending payment (until the order's deadline) and held in carts (until the hold expires).
 * A limit of {@code null} means unlimited.
 */
public record Stock(Integer eventCapacity, Counts event, Map<UUID, TicketStock> tickets, Map<UUID, GroupStock> groups) {

    /** Taken tickets, split by why they are taken. */
    public record Counts(long paid, long pending, long held) {
        public static final Counts NONE = new Counts(0, 0, 0);

        public long taken() {
            return paid + pending + held;
        }

        Counts plus(Counts other) {
            return new Counts(paid + other.paid, pending + other.pending, held + other.held);
        }
    }

    public record TicketStock(UUID ticketId, String name, Integer quantity, UUID groupId, Counts counts) {
        /** Tickets of this type that may still be sold, ignoring the group and the event; null if unlimited. */
        public Long available() {
            return quantity == null ? null : Math.max(0, quantity - counts.taken());
        }
    }

    public record GroupStock(UUID groupId, String name, int capacity, Counts counts) {
        public long available() {
            return Math.max(0, capacity - counts.taken());
        }
    }

    /** The event's own capacity left; null if the event has no capacity of its own. */
    public Long eventAvailable() {
        return eventCapacity == null ? null : Math.max(0, eventCapacity - event.taken());
    }

    /** How many of a ticket type one more order could take: the smallest room of the type, its group and the event. */
    public long availableFor(UUID ticketId) {
        TicketStock ticket = tickets.get(ticketId);
        if (ticket == null) {
            return 0;
        }
        long room = Long.MAX_VALUE;
        if (ticket.available() != null) {
            room = Math.min(room, ticket.available());
        }
        if (ticket.groupId() != null && groups.containsKey(ticket.groupId())) {
            room = Math.min(room, groups.get(ticket.groupId()).available());
        }
        if (eventAvailable() != null) {
            room = Math.min(room, eventAvailable());
        }
        return room;
    }
}
