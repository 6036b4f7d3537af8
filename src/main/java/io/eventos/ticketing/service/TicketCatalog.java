package io.eventos.ticketing.service;

import io.eventos.event.service.TicketOffer;
import io.eventos.event.service.TicketOffers;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.PromoCode;
import io.eventos.ticketing.domain.PromoCodeKind;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.ticketing.domain.TicketVisibility;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
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
 * The ticket types an event offers to the public, with what is left of each. Hidden types appear only with a promo
 * code that unlocks them. What is left comes from {@link Inventory}, the same count the checkout makes under its
 * lock, so the page and the sale never disagree about a sold-out type. A handful of queries per event, whatever the
 * number of ticket types.
 */
@Stateless
@Local(TicketOffers.class)
@LocalBean
@TenantBound
public class TicketCatalog implements TicketOffers {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** The visible ticket types of an event, in sales order. */
    @Override
    public List<TicketOffer> publicOffers(UUID eventId) {
        return offers(eventId, null);
    }

    /**
     * The visible ticket types plus the hidden ones {@code promoCode} unlocks. An unknown, expired or used-up code
     * is refused with {@link SaleRefusedException} (field PROMO_CODE) and one sentence.
     */
    public List<TicketOffer> offers(UUID eventId, String promoCode) {
        Instant now = clock.instant();
        PromoCode code = null;
        if (promoCode != null && !promoCode.isBlank()) {
            code = em.createQuery("select p from PromoCode p where p.eventId = :event and lower(p.code) = lower(:code)",
                            PromoCode.class)
                    .setParameter("event", eventId).setParameter("code", promoCode.strip()).getResultStream()
                    .findFirst().orElseThrow(() -> new SaleRefusedException(SaleRefusedException.Field.PROMO_CODE,
                            "This code is not valid for this event."));
            String problem = code.unusableReason(now);
            if (problem != null) {
                throw new SaleRefusedException(SaleRefusedException.Field.PROMO_CODE, problem);
            }
        }
        PromoCode unlocking = code;
        List<Ticket> offered = em.createQuery("""
                        select t from Ticket t where t.eventId = :event order by t.sortOrder, t.priceMinor, t.name""",
                        Ticket.class)
                .setParameter("event", eventId).getResultStream()
                .filter(t -> t.getVisibility() == TicketVisibility.VISIBLE
                        || (unlocking != null && unlocking.unlocks(t.getId())))
                .toList();
        if (offered.isEmpty()) {
            return List.of();
        }
        Stock stock = Inventory.of(em, eventId, now);
        return offered.stream()
                .map(t -> {
                    long room = stock.availableFor(t.getId());
                    return new TicketOffer(t.getId(), t.getName(), t.getDescription(), t.getPriceMinor(),
                            t.getCurrency(), state(t, now), t.getSalesStart(), t.getSalesEnd(),
                            room == Long.MAX_VALUE ? null : (int) Math.min(Integer.MAX_VALUE, room),
                            t.getMinPerOrder(), t.getMaxPerOrder(), unlocking == null
                            || unlocking.getKind() == PromoCodeKind.UNLOCK || !unlocking.appliesTo(t.getId()) ? 0
                            : unlocking.discountPerTicket(t.getPriceMinor()));
                })
                .toList();
    }

    /**
     * What is left of each ticket type of the event now (a null value: nothing limits it): the same figures as
     * {@link #publicOffers}' {@code remaining}, counted in one statement, for a page that only needs to know whether
     * what it says about availability still holds.
     */
    @Override
    public Map<UUID, Integer> remaining(UUID eventId) {
        Stock stock = Inventory.of(em, eventId, clock.instant());
        Map<UUID, Integer> left = new HashMap<>();
        for (UUID ticket : stock.tickets().keySet()) {
            long room = stock.availableFor(ticket);
            left.put(ticket, room == Long.MAX_VALUE ? null : (int) Math.min(Integer.MAX_VALUE, room));
        }
        return left;
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
