package io.eventos.ticketing.service;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts what is taken of an event: a valid ticket of a paid order ({@code tickets.sold_count}, kept by PostgreSQL
 * in the same transaction as every change of an order's status or a ticket's, V12), a valid ticket of a pending
 * order before its payment deadline, a held ticket before its hold expires (both counted from their rows by
 * {@code live_ticket_counts}, V13, which finds the live orders and holds through their partial indexes and their
 * tickets one order or hold at a time, whatever PostgreSQL's statistics say: the cost follows the buyers in progress,
 * never the tickets already sold). Nothing is counted twice and nothing has to be cleaned up for the numbers to be
 * right: an expired hold or an overdue pending order simply stops matching. Two statements per event, whatever the
 * number of ticket types.
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
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Map<UUID, Stock.TicketStock> tickets = new LinkedHashMap<>();
        Map<UUID, Stock.Counts> groupTaken = new HashMap<>();
        Stock.Counts eventTaken = Stock.Counts.NONE;
        for (Object[] row : rows(em.createNativeQuery("""
                        select t.id, t.name, t.quantity, t.capacity_group_id,
                               t.sold_count, coalesce(live.pending, 0), coalesce(live.held, 0)
                        from tickets t
                        left join live_ticket_counts(?1, ?2, cast(?3 as uuid)) live on live.ticket_id = t.id
                        where t.event_id = ?1
                        order by t.sort_order, t.name""")
                .setParameter(1, eventId).setParameter(2, at)
                .setParameter(3, exceptHold == null ? null : exceptHold.toString()).getResultList())) {
            UUID id = (UUID) row[0];
            UUID group = (UUID) row[3];
            Stock.Counts counts = new Stock.Counts(SqlValues.number(row[4]), SqlValues.number(row[5]), SqlValues.number(row[6]));
            tickets.put(id, new Stock.TicketStock(id, (String) row[1],
                    row[2] == null ? null : ((Number) row[2]).intValue(), group, counts));
            eventTaken = eventTaken.plus(counts);
            if (group != null) {
                groupTaken.merge(group, counts, Stock.Counts::plus);
            }
        }
        // the event's own capacity (first row, no group id) and its capacity groups, in one statement
        Map<UUID, Stock.GroupStock> groups = new LinkedHashMap<>();
        Integer eventCapacity = null;
        for (Object[] row : rows(em.createNativeQuery("""
                        select null::uuid, null::text, e.capacity, 0 as position from events e where e.id = ?1
                        union all
                        select g.id, g.name, g.capacity, 1 from capacity_groups g where g.event_id = ?1
                        order by 4, 2""")
                .setParameter(1, eventId).getResultList())) {
            if (row[0] == null) {
                eventCapacity = row[2] == null ? null : ((Number) row[2]).intValue();
                continue;
            }
            UUID id = (UUID) row[0];
            groups.put(id, new Stock.GroupStock(id, (String) row[1], ((Number) row[2]).intValue(),
                    groupTaken.getOrDefault(id, Stock.Counts.NONE)));
        }
        return new Stock(eventCapacity, eventTaken, tickets, groups);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
