package io.eventos.ticketing.service;

import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.CapacityGroup;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.event.service.EventTicketTypes;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What the events context asks of ticketing ({@link EventTicketTypes}, its interface): tickets sold per event (the events list), copying ticket types when
 * an event is cloned or repeated, removing them with a draft, and whether ticketing lets an event be published.
 * Called from the event services inside their transaction; they have checked the permission.
 */
@Stateless
@TenantBound
public class EventTickets implements EventTicketTypes {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * Tickets sold per event, for the given events: valid tickets of paid orders, summed from the counter each ticket
     * type keeps ({@code tickets.sold_count}, V12) — a few rows per event, where counting the attendees read every
     * ticket of a 400,000-ticket festival on each page of the events list (issue 18). Events without any are absent.
     */
    @Override
    public Map<UUID, Long> soldByEvent(Collection<UUID> eventIds) {
        Map<UUID, Long> sold = new HashMap<>();
        if (eventIds.isEmpty()) {
            return sold;
        }
        List<?> rows = em.createNativeQuery("""
                        select event_id, sum(sold_count) from tickets where event_id = any(cast(?1 as uuid[]))
                        group by event_id having sum(sold_count) > 0""")
                .setParameter(1, "{" + String.join(",", eventIds.stream().map(UUID::toString).toList()) + "}")
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            sold.put(io.eventos.platform.persistence.SqlValues.uuid(r[0]), ((Number) r[1]).longValue());
        }
        return sold;
    }

    /** How many ticket types an event has. */
    @Override
    public long ticketTypeCount(UUID eventId) {
        return em.createQuery("select count(t) from Ticket t where t.eventId = :event", Long.class)
                .setParameter("event", eventId).getSingleResult();
    }

    /**
     * Copies the ticket types (and their capacity groups) of one event to another, sales windows moved by
     * {@code shift}; no orders, holds, attendees or promo codes. Returns the number of ticket types copied.
     */
    @Override
    public int copyTicketTypes(UUID fromEventId, UUID toEventId, UnaryOperator<Instant> shift) {
        Map<UUID, CapacityGroup> groups = new HashMap<>();
        for (CapacityGroup group : em.createQuery("select g from CapacityGroup g where g.eventId = :event",
                CapacityGroup.class).setParameter("event", fromEventId).getResultList()) {
            CapacityGroup copy = new CapacityGroup(toEventId, group.getName(), group.getCapacity());
            em.persist(copy);
            groups.put(group.getId(), copy);
        }
        List<Ticket> tickets = em.createQuery("select t from Ticket t where t.eventId = :event order by t.sortOrder",
                Ticket.class).setParameter("event", fromEventId).getResultList();
        for (Ticket t : tickets) {
            Ticket copy = new Ticket(toEventId, t.getName(), t.getPriceMinor(), t.getCurrency());
            copy.setDescription(t.getDescription());
            copy.setQuantity(t.getQuantity());
            copy.setSalesStart(shift.apply(t.getSalesStart()));
            copy.setSalesEnd(shift.apply(t.getSalesEnd()));
            copy.setPerOrderLimits(t.getMinPerOrder(), t.getMaxPerOrder());
            copy.setVisibility(t.getVisibility());
            copy.setSortOrder(t.getSortOrder());
            copy.setPaused(t.isPaused());
            if (t.getCapacityGroup() != null) {
                copy.setCapacityGroup(groups.get(t.getCapacityGroup().getId()));
            }
            em.persist(copy);
        }
        return tickets.size();
    }

    /**
     * Removes the ticket types, capacity groups and promo codes of a draft event that is being deleted; refuses
     * (returns false, removing nothing) if anything was ever ordered or held for it.
     */
    @Override
    public boolean removeForDraft(UUID eventId) {
        // native: "Order" is a reserved word in JPQL
        Number ordersOrHolds = (Number) em.createNativeQuery(
                        "select (select count(*) from orders where event_id = ?1)"
                                + " + (select count(*) from holds where event_id = ?1)")
                .setParameter(1, eventId).getSingleResult();
        if (ordersOrHolds.longValue() > 0) {
            return false;
        }
        em.createQuery("delete from PromoCode p where p.eventId = :event").setParameter("event", eventId)
                .executeUpdate();
        em.createQuery("delete from Ticket t where t.eventId = :event").setParameter("event", eventId)
                .executeUpdate();
        em.createQuery("delete from CapacityGroup g where g.eventId = :event").setParameter("event", eventId)
                .executeUpdate();
        return true;
    }

    /** Ticketing's condition for publishing an event, as a sentence saying what is missing, or empty. */
    @Override
    public Optional<String> publishBlocker(UUID eventId) {
        long types = em.createQuery("select count(t) from Ticket t where t.eventId = :event", Long.class)
                .setParameter("event", eventId).getSingleResult();
        return types > 0 ? Optional.empty()
                : Optional.of("Add at least one ticket type (free or paid) so people can get in.");
    }
}
