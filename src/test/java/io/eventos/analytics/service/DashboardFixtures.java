package io.eventos.analytics.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only: the dashboards' figures computed straight from orders, order lines, payments, holds and attendees
 * of the bound account (what the rollups must agree with), and small changes to the account for the tests.
 */
@Stateless
@TenantBound
public class DashboardFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    public void timeZone(String zone) {
        em.createNativeQuery("update accounts set default_time_zone = ?1 where id = ?2")
                .setParameter(1, zone).setParameter(2, CurrentTenant.require()).executeUpdate();
    }

    /** Orders paid in [start, end): count, tickets in them, their totals (EUR); refunds made; holds created. */
    public Map<String, Long> figures(Instant start, Instant end) {
        Object[] paid = (Object[]) em.createNativeQuery("""
                        select count(*), coalesce(sum((select sum(l.quantity) from order_lines l where l.order_id = o.id)), 0),
                               coalesce(sum(o.total_minor), 0)
                        from orders o where o.paid_at >= ?1 and o.paid_at < ?2""")
                .setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end)).getSingleResult();
        Number refunds = (Number) em.createNativeQuery("""
                        select coalesce(sum(amount_minor), 0) from payments
                        where kind = 'refund' and status = 'succeeded' and created_at >= ?1 and created_at < ?2""")
                .setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end)).getSingleResult();
        Number holds = (Number) em.createNativeQuery("select count(*) from holds where created_at >= ?1 and created_at < ?2")
                .setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end)).getSingleResult();
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("orders", ((Number) paid[0]).longValue());
        figures.put("tickets", ((Number) paid[1]).longValue());
        figures.put("revenue", ((Number) paid[2]).longValue());
        figures.put("refunds", refunds.longValue());
        figures.put("checkouts", holds.longValue());
        return figures;
    }

    /** Valid tickets of paid orders of the event, from the attendees. */
    public long validTickets(UUID eventId) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from attendees a join orders o on o.id = a.order_id
                        where a.event_id = ?1 and a.status = 'valid' and o.status = 'paid'""")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }

    /** Tickets of orders ever paid, per ticket type name, from the order lines. */
    public Map<String, Long> ticketsPaidByType(UUID eventId) {
        Map<String, Long> out = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select t.name, coalesce(sum(l.quantity), 0) from tickets t
                        left join order_lines l on l.ticket_id = t.id
                             and exists (select 1 from orders o where o.id = l.order_id and o.paid_at is not null)
                        where t.event_id = ?1 group by t.name order by t.name""")
                .setParameter(1, eventId).getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
        return out;
    }

    /** Rows of the rollup the bound account can read (row level security decides). */
    public long rollupRows() {
        return ((Number) em.createNativeQuery("select count(*) from sales_daily").getSingleResult()).longValue();
    }

    /** Moves the event's start to now, so that its check-ins count for today's period. */
    public void startNow(UUID eventId) {
        em.createNativeQuery("update events set starts_at = now() - interval '1 hour', ends_at = now() + interval '3 hours' where id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }
}
