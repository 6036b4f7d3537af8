package io.eventos.ticketing.service;

import io.eventos.account.service.AuditLog;
import io.eventos.event.service.EventFacts;
import io.eventos.event.service.EventSettings;
import jakarta.ejb.EJB;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.ticketing.domain.CapacityGroup;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.ticketing.domain.TicketVisibility;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organizer's ticket types and capacity groups of an event, with what is taken of each. Changes that could
 * leave less room than is already taken run under the event's {@link SalesLock}, so no sale can slip in between
 * the check and the change.
 */
@Stateless
@TenantBound
public class TicketTypeService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    AuditLog audit;
    @EJB
    EventSettings settings;
    @Inject
    EventFacts events;

    Clock clock = Clock.systemUTC();

    /** The event's ticket types in sales order, each with sold / pending / held / available and its status. */
    @RequiresPermission(Permission.VIEW)
    public List<TicketTypeRow> list(@EventRef UUID eventId) {
        Instant now = clock.instant();
        Stock stock = Inventory.of(em, eventId, now);
        return em.createQuery("""
                        select t from Ticket t left join fetch t.capacityGroup
                        where t.eventId = :event order by t.sortOrder, t.name""", Ticket.class)
                .setParameter("event", eventId).getResultStream()
                .map(t -> row(t, stock, now)).toList();
    }

    /** The event the ticketing pages are about: name, time zone, currency, capacity; 404 outside the scope. */
    @RequiresPermission(Permission.VIEW)
    public SalesEvent event(@EventRef UUID eventId) {
        EventFacts.Outline e = events.outline(eventId).orElseThrow(() -> new AccessDeniedException("No such event."));
        return new SalesEvent(eventId, e.name(), e.slug(), e.timeZone(), e.currency(), e.capacity(), e.status(),
                e.accountSlug());
    }

    /** The event's cancellation policy for buyers (default: they cannot cancel). */
    @RequiresPermission(Permission.VIEW)
    public CancellationPolicy cancellationPolicy(@EventRef UUID eventId) {
        return CancellationPolicy.forEvent(events, eventId);
    }

    /**
     * Sets what buyers may do with their orders themselves: nothing, cancel with a full refund, or ask for a refund,
     * until {@code hoursBefore} hours before the event starts. Applies to existing orders too (from the next look at
     * the order page); requests already sent stay open.
     */
    @RequiresPermission(Permission.TICKETS_MANAGE)
    public void saveCancellationPolicy(@EventRef UUID eventId, CancellationPolicy.Kind kind, Integer hoursBefore) {
        if (kind == null) {
            throw new TicketingException("policy", "Choose what buyers may do.");
        }
        if (kind != CancellationPolicy.Kind.NONE
                && (hoursBefore == null || hoursBefore < 0 || hoursBefore > CancellationPolicy.MAX_HOURS)) {
            throw new TicketingException("before", "Enter how long before the start buyers may still cancel: 0 "
                    + "(until the start) up to 365 days.");
        }
        CancellationPolicy before = CancellationPolicy.forEvent(events, eventId);
        CancellationPolicy policy = new CancellationPolicy(kind, hoursBefore == null ? 0 : hoursBefore);
        boolean changed = settings.put(eventId, CancellationPolicy.SETTINGS_KEY, policy.json());
        if (!changed) {
            throw new AccessDeniedException("No such event.");
        }
        audit.record("event.cancellation_policy_changed", "event", eventId,
                Map.of("policy", before.kind().code(), "hours_before", before.hoursBefore()),
                Map.of("policy", policy.kind().code(), "hours_before", policy.hoursBefore())).setEventId(eventId);
    }

    /** The capacity groups of the event with what their ticket types have taken. */
    @RequiresPermission(Permission.VIEW)
    public List<Stock.GroupStock> groups(@EventRef UUID eventId) {
        return List.copyOf(Inventory.of(em, eventId, clock.instant()).groups().values());
    }

    /** What is taken of the event, its capacity groups and ticket types: the capacity explainer. */
    @RequiresPermission(Permission.VIEW)
    public Stock stock(@EventRef UUID eventId) {
        return Inventory.of(em, eventId, clock.instant());
    }

    @RequiresPermission(Permission.TICKETS_MANAGE)
    public UUID create(@EventRef UUID eventId, TicketTypeForm form) {
        String currency = eventCurrency(events, eventId);
        validate(form);
        Ticket ticket = new Ticket(eventId, form.name().strip(), form.priceMinor(), currency);
        apply(ticket, form, eventId);
        em.persist(ticket);
        audit.record("ticket_type.created", "ticket", ticket.getId(), null, describe(ticket)).setEventId(eventId);
        return ticket.getId();
    }

    /**
     * Changes a ticket type. Lowering the quantity below what is sold, pending payment or held is refused with a
     * sentence that says how much is taken.
     */
    @RequiresPermission(Permission.TICKETS_MANAGE)
    public void update(@EventRef UUID eventId, UUID ticketId, TicketTypeForm form) {
        validate(form);
        SalesLock.lockEvent(em, eventId);
        Ticket ticket = ticket(eventId, ticketId);
        Map<String, Object> before = describe(ticket);
        Stock stock = Inventory.of(em, eventId, clock.instant());
        Stock.Counts taken = stock.tickets().get(ticketId).counts();
        if (form.quantity() != null && form.quantity() < taken.taken()) {
            throw new TicketingException("quantity", "The quantity cannot be lower than " + taken.taken()
                    + ", the tickets already taken: " + explain(taken) + ".");
        }
        apply(ticket, form, eventId);
        if (form.capacityGroupId() != null) {
            em.flush();
            checkGroup(eventId, form.capacityGroupId(), null);
        }
        audit.record("ticket_type.updated", "ticket", ticket.getId(), before, describe(ticket)).setEventId(eventId);
    }

    /** Deletes a ticket type nobody has bought or holds; otherwise says to pause it instead. */
    @RequiresPermission(Permission.TICKETS_MANAGE)
    public void delete(@EventRef UUID eventId, UUID ticketId) {
        SalesLock.lockEvent(em, eventId);
        Ticket ticket = ticket(eventId, ticketId);
        long used = ((Number) em.createNativeQuery("""
                        select (select count(*) from order_lines where ticket_id = ?1)
                             + (select count(*) from hold_lines where ticket_id = ?1)""")
                .setParameter(1, ticketId).getSingleResult()).longValue();
        if (used > 0) {
            throw new TicketingException(null, "“" + ticket.getName() + "” has orders or carts, so it stays for the "
                    + "record; pause it to stop selling it.");
        }
        audit.record("ticket_type.deleted", "ticket", ticket.getId(), describe(ticket), null).setEventId(eventId);
        em.remove(ticket);
    }

    @RequiresPermission(Permission.TICKETS_MANAGE)
    public UUID createGroup(@EventRef UUID eventId, String name, int capacity) {
        eventCurrency(events, eventId);
        String clean = groupName(name, capacity);
        CapacityGroup group = new CapacityGroup(eventId, clean, capacity);
        em.persist(group);
        audit.record("capacity_group.created", "capacity_group", group.getId(), null,
                Map.of("name", clean, "capacity", capacity)).setEventId(eventId);
        return group.getId();
    }

    /** Changes a group's capacity; never below what its ticket types have taken. */
    @RequiresPermission(Permission.TICKETS_MANAGE)
    public void updateGroup(@EventRef UUID eventId, UUID groupId, String name, int capacity) {
        String clean = groupName(name, capacity);
        SalesLock.lockEvent(em, eventId);
        CapacityGroup group = em.find(CapacityGroup.class, groupId);
        if (group == null || !group.getEventId().equals(eventId)) {
            throw new AccessDeniedException("No such capacity group.");
        }
        checkGroup(eventId, groupId, capacity);
        Map<String, Object> before = Map.of("name", group.getName(), "capacity", group.getCapacity());
        group.setName(clean);
        group.setCapacity(capacity);
        audit.record("capacity_group.updated", "capacity_group", groupId, before,
                Map.of("name", clean, "capacity", capacity)).setEventId(eventId);
    }

    private void checkGroup(UUID eventId, UUID groupId, Integer newCapacity) {
        Stock.GroupStock group = Inventory.of(em, eventId, clock.instant()).groups().get(groupId);
        if (group == null) {
            throw new TicketingException("capacityGroup", "Choose a capacity group of this event.");
        }
        int capacity = newCapacity == null ? group.capacity() : newCapacity;
        if (capacity < group.counts().taken()) {
            throw new TicketingException(newCapacity == null ? "capacityGroup" : "capacity",
                    "“" + group.name() + "” has room for " + capacity + " but " + group.counts().taken()
                    + " of its tickets are already taken: " + explain(group.counts()) + ".");
        }
    }

    private static String groupName(String name, int capacity) {
        if (name == null || name.isBlank()) {
            throw new TicketingException("name", "Give the group a name, e.g. “Main hall”.");
        }
        if (capacity < 0) {
            throw new TicketingException("capacity", "The capacity cannot be negative.");
        }
        return name.strip();
    }

    static String explain(Stock.Counts counts) {
        return counts.paid() + " sold, " + counts.pending() + " pending payment, " + counts.held() + " held in carts";
    }

    private TicketTypeRow row(Ticket t, Stock stock, Instant now) {
        Stock.TicketStock ticketStock = stock.tickets().get(t.getId());
        Stock.Counts counts = ticketStock == null ? Stock.Counts.NONE : ticketStock.counts();
        long available = ticketStock == null ? 0 : stock.availableFor(t.getId());
        TicketTypeRow.Status status;
        if (t.getSalesEnd() != null && !now.isBefore(t.getSalesEnd())) {
            status = TicketTypeRow.Status.ENDED;
        } else if (t.isPaused()) {
            status = TicketTypeRow.Status.PAUSED;
        } else if (available == 0) {
            status = TicketTypeRow.Status.SOLD_OUT;
        } else if (t.getSalesStart() != null && now.isBefore(t.getSalesStart())) {
            status = TicketTypeRow.Status.NOT_YET;
        } else {
            status = TicketTypeRow.Status.ON_SALE;
        }
        return new TicketTypeRow(t.getId(), t.getName(), t.getDescription(), t.getPriceMinor(), t.getCurrency(),
                t.getQuantity(), t.getSalesStart(), t.getSalesEnd(), t.getMinPerOrder(), t.getMaxPerOrder(),
                t.getVisibility() == TicketVisibility.HIDDEN, t.getSortOrder(), t.isPaused(),
                t.getCapacityGroup() == null ? null : t.getCapacityGroup().getId(),
                t.getCapacityGroup() == null ? null : t.getCapacityGroup().getName(),
                counts, available == Long.MAX_VALUE ? -1 : available, status);
    }

    private static void validate(TicketTypeForm form) {
        if (form.name() == null || form.name().isBlank()) {
            throw new TicketingException("name", "Give the ticket type a name, e.g. “Regular”.");
        }
        if (form.priceMinor() < 0) {
            throw new TicketingException("price", "The price cannot be negative; use 0 for free tickets.");
        }
        if (form.quantity() != null && form.quantity() < 0) {
            throw new TicketingException("quantity", "The quantity cannot be negative; leave it empty for no limit.");
        }
        if (form.minPerOrder() < 1) {
            throw new TicketingException("minPerOrder", "An order has at least one ticket.");
        }
        if (form.maxPerOrder() < form.minPerOrder()) {
            throw new TicketingException("maxPerOrder", "The most per order cannot be less than the least per order ("
                    + form.minPerOrder() + ").");
        }
        if (form.salesStart() != null && form.salesEnd() != null && !form.salesEnd().isAfter(form.salesStart())) {
            throw new TicketingException("salesEnd", "Sales must end after they start.");
        }
    }

    private void apply(Ticket ticket, TicketTypeForm form, UUID eventId) {
        ticket.setName(form.name().strip());
        ticket.setDescription(form.description() == null || form.description().isBlank() ? null
                : form.description().strip());
        ticket.setPriceMinor(form.priceMinor());
        ticket.setQuantity(form.quantity());
        ticket.setSalesStart(form.salesStart());
        ticket.setSalesEnd(form.salesEnd());
        ticket.setPerOrderLimits(form.minPerOrder(), form.maxPerOrder());
        ticket.setVisibility(form.hidden() ? TicketVisibility.HIDDEN : TicketVisibility.VISIBLE);
        ticket.setSortOrder(form.sortOrder());
        ticket.setPaused(form.paused());
        if (form.capacityGroupId() == null) {
            ticket.setCapacityGroup(null);
        } else {
            CapacityGroup group = em.find(CapacityGroup.class, form.capacityGroupId());
            if (group == null || !group.getEventId().equals(eventId)) {
                throw new TicketingException("capacityGroup", "Choose a capacity group of this event.");
            }
            ticket.setCapacityGroup(group);
        }
    }

    private Ticket ticket(UUID eventId, UUID ticketId) {
        Ticket ticket = ticketId == null ? null : em.find(Ticket.class, ticketId);
        if (ticket == null || !ticket.getEventId().equals(eventId)) {
            throw new AccessDeniedException("No such ticket type.");
        }
        return ticket;
    }

    /** The event's currency; "no such event" outside the bound account (or the member's events). */
    static String eventCurrency(EventFacts events, UUID eventId) {
        return events.currency(eventId).orElseThrow(() -> new AccessDeniedException("No such event."));
    }

    private static Map<String, Object> describe(Ticket t) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", t.getName());
        values.put("price_minor", t.getPriceMinor());
        values.put("currency", t.getCurrency());
        values.put("quantity", t.getQuantity());
        values.put("hidden", t.getVisibility() == TicketVisibility.HIDDEN);
        values.put("paused", t.isPaused());
        return values;
    }
}
