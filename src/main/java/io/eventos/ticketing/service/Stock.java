package io.eventos.ticketing.service;

import java.util.HashMap;
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

    /**
     * Whether one more order of these quantities (ticket type → tickets) fits: each type's own quantity, each
     * capacity group's capacity for all its types together, and the event's capacity for them all.
     */
    public boolean hasRoomFor(Map<UUID, Integer> wanted) {
        Map<UUID, Long> perGroup = new HashMap<>();
        long total = 0;
        for (Map.Entry<UUID, Integer> w : wanted.entrySet()) {
            TicketStock ticket = tickets.get(w.getKey());
            if (ticket == null || (ticket.available() != null && ticket.available() < w.getValue())) {
                return false;
            }
            if (ticket.groupId() != null) {
                perGroup.merge(ticket.groupId(), (long) w.getValue(), Long::sum);
            }
            total += w.getValue();
        }
        for (Map.Entry<UUID, Long> group : perGroup.entrySet()) {
            GroupStock stock = groups.get(group.getKey());
            if (stock != null && stock.available() < group.getValue()) {
                return false;
            }
        }
        return eventAvailable() == null || eventAvailable() >= total;
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
