package io.eventos.ticketing.service;

import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.ticketing.domain.TicketVisibility;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ticket types an event offers to the public (hidden ones appear only after a promo code unlocks them), with
 * what is left of each: two queries per event, whatever the number of ticket types.
 */
@Stateless
@TenantBound
public class TicketCatalog {

    /**
     * Seats taken per ticket type of an event: paid orders, pending orders whose payment deadline has not passed,
     * and active holds that have not expired. (The same facts checkout will count under its lock.)
     */
    private static final String TAKEN = """
            select ticket_id, sum(quantity) from (
                select ol.ticket_id, ol.quantity
                from order_lines ol join orders o on o.account_id = ol.account_id and o.id = ol.order_id
                where o.event_id = ?1 and (o.status = 'paid'
                      or (o.status = 'pending' and (o.payment_deadline is null or o.payment_deadline > ?2)))
                union all
                select hl.ticket_id, hl.quantity
                from hold_lines hl join holds h on h.account_id = hl.account_id and h.id = hl.hold_id
                where h.event_id = ?1 and h.status = 'active' and h.expires_at > ?2
            ) taken group by ticket_id""";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public List<TicketOffer> publicOffers(UUID eventId) {
        Instant now = clock.instant();
        List<Ticket> visible = em.createQuery("""
                        select t from Ticket t left join fetch t.capacityGroup
                        where t.eventId = :event and t.visibility = :visible
                        order by t.sortOrder, t.priceMinor, t.name""", Ticket.class)
                .setParameter("event", eventId)
                .setParameter("visible", TicketVisibility.VISIBLE)
                .getResultList();
        if (visible.isEmpty()) {
            return List.of();
        }
        Map<UUID, Long> taken = taken(eventId, now);
        // a capacity group is shared with ticket types that may be hidden: count all of them
        Map<UUID, Long> takenByGroup = new HashMap<>();
        boolean grouped = visible.stream().anyMatch(t -> t.getCapacityGroup() != null);
        if (grouped) {
            List<Object[]> groups = em.createQuery("""
                            select t.id, t.capacityGroup.id from Ticket t
                            where t.eventId = :event and t.capacityGroup is not null""", Object[].class)
                    .setParameter("event", eventId)
                    .getResultList();
            for (Object[] row : groups) {
                takenByGroup.merge((UUID) row[1], taken.getOrDefault((UUID) row[0], 0L), Long::sum);
            }
        }
        return visible.stream()
                .map(t -> new TicketOffer(t.getId(), t.getName(), t.getDescription(), t.getPriceMinor(),
                        t.getCurrency(), state(t, now), t.getSalesStart(), t.getSalesEnd(),
                        remaining(t, taken, takenByGroup)))
                .toList();
    }

    private Map<UUID, Long> taken(UUID eventId, Instant now) {
        Map<UUID, Long> taken = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(TAKEN)
                .setParameter(1, eventId)
                .setParameter(2, java.sql.Timestamp.from(now))
                .getResultList();
        for (Object[] row : rows) {
            UUID ticket = row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString());
            taken.put(ticket, ((Number) row[1]).longValue());
        }
        return taken;
    }

    private static Integer remaining(Ticket t, Map<UUID, Long> taken, Map<UUID, Long> takenByGroup) {
        Long left = null;
        if (t.getQuantity() != null) {
            left = t.getQuantity() - taken.getOrDefault(t.getId(), 0L);
        }
        if (t.getCapacityGroup() != null) {
            long groupLeft = t.getCapacityGroup().getCapacity()
                    - takenByGroup.getOrDefault(t.getCapacityGroup().getId(), 0L);
            left = left == null ? groupLeft : Math.min(left, groupLeft);
        }
        return left == null ? null : (int) Math.max(0, left);
    }

    private static TicketOffer.SalesState state(Ticket t, Instant now) {
        if (t.isPaused()) {
            return TicketOffer.SalesState.PAUSED;
        }
        if (t.getSalesStart() != null && now.isBefore(t.getSalesStart())) {
            return TicketOffer.SalesState.NOT_YET;
        }
        if (t.getSalesEnd() != null && !now.isBefore(t.getSalesEnd())) {
            return TicketOffer.SalesState.ENDED;
        }
        return TicketOffer.SalesState.ON_SALE;
    }
}
