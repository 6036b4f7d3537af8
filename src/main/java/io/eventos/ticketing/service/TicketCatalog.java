package io.eventos.ticketing.service;

import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.ticketing.domain.TicketVisibility;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The ticket types an event offers to the public (hidden ones appear only after a promo code unlocks them). */
@Stateless
@TenantBound
public class TicketCatalog {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public List<TicketOffer> publicOffers(UUID eventId) {
        Instant now = clock.instant();
        return em.createQuery("""
                        select t from Ticket t where t.eventId = :event and t.visibility = :visible
                        order by t.sortOrder, t.priceMinor, t.name""", Ticket.class)
                .setParameter("event", eventId)
                .setParameter("visible", TicketVisibility.VISIBLE)
                .getResultStream()
                .map(t -> new TicketOffer(t.getId(), t.getName(), t.getDescription(), t.getPriceMinor(),
                        t.getCurrency(), state(t, now), t.getSalesStart(), t.getSalesEnd()))
                .toList();
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
