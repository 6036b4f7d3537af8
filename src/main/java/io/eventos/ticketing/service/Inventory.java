package io.eventos.ticketing.service;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts what is taken of an event: a valid ticket of a paid order ({@code tickets.sold_count}, kept by PostgreSQL
 * in the same transaction as every change of an order's status or a ticket's, V12), a valid ticket of a pending
 * order before its payment deadline, a held ticket before its hold expires (both summed from {@code ticket_takes},
 * one row per live hold or pending order and ticket type, kept by triggers, V14: the cost follows the buyers in
 * progress, never the tickets already sold). Nothing is counted twice and nothing has to be cleaned up for the
 * numbers to be right: an expired hold or an overdue pending order simply falls out of the range counted. One
 * statement ({@code event_stock}, V15) answers every ticket type, the event's capacity and its capacity groups; it can
 * take the sales lock first ({@link SalesLock#lockAndCount}), so a hold's section under the lock is one round trip.
 */
final class Inventory {

    private Inventory() {
    }

    static Stock of(EntityManager em, UUID eventId, Instant now) {
        return of(em, eventId, now, null);
    }

    /**
     * As {@link #of(EntityManager, UUID, Instant)}, leaving out one hold: the checkout writes its hold before it
     * takes the sales lock and counts, so the count sees that (uncommitted) hold of its own transaction; leaving
     * it out gives what is left for it, which is what the buyer is told.
     */
    static Stock of(EntityManager em, UUID eventId, Instant now, UUID exceptHold) {
        return of(em, eventId, now, exceptHold, null);
    }

    /** With a {@code lockTimeout}, the statement takes the event's sales lock before it counts (SalesLock). */
    static Stock of(EntityManager em, UUID eventId, Instant now, UUID exceptHold, String lockTimeout) {
        Map<UUID, Stock.TicketStock> tickets = new LinkedHashMap<>();
        Map<UUID, Stock.Counts> groupTaken = new HashMap<>();
        Stock.Counts eventTaken = Stock.Counts.NONE;
        Integer eventCapacity = null;
        List<Object[]> groupRows = new ArrayList<>();
        for (Object[] row : rows(em.createNativeQuery("""
                        select kind, id, name, capacity, group_id, sold, pending, held
                        from event_stock(?1, ?2, cast(?3 as uuid), cast(?4 as text))""")
                .setParameter(1, eventId).setParameter(2, now.atOffset(ZoneOffset.UTC))
                .setParameter(3, exceptHold == null ? null : exceptHold.toString())
                .setParameter(4, lockTimeout).getResultList())) {
            switch ((String) row[0]) {
                case "ticket" -> {
                    UUID id = (UUID) row[1];
                    UUID group = (UUID) row[4];
                    Stock.Counts counts = new Stock.Counts(SqlValues.number(row[5]), SqlValues.number(row[6]),
                            SqlValues.number(row[7]));
                    tickets.put(id, new Stock.TicketStock(id, (String) row[2],
                            row[3] == null ? null : ((Number) row[3]).intValue(), group, counts));
                    eventTaken = eventTaken.plus(counts);
                    if (group != null) {
                        groupTaken.merge(group, counts, Stock.Counts::plus);
                    }
                }
                case "event" -> eventCapacity = row[3] == null ? null : ((Number) row[3]).intValue();
                default -> groupRows.add(row);
            }
        }
        Map<UUID, Stock.GroupStock> groups = new LinkedHashMap<>();
        for (Object[] row : groupRows) {
            UUID id = (UUID) row[1];
            groups.put(id, new Stock.GroupStock(id, (String) row[2], ((Number) row[3]).intValue(),
                    groupTaken.getOrDefault(id, Stock.Counts.NONE)));
        }
        return new Stock(eventCapacity, eventTaken, tickets, groups);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
