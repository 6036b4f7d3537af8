package io.eventos.account.service;

import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Test-only: what the weekly summary test does to the bound account that no service offers — moving an order a week
 * back, letting the rollups rebuild, a member's choice written without the role check, and the check-ins counted
 * straight from {@code check_ins}.
 */
@Stateless
@TenantBound
public class WeeklySummaryFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** Moves an order (placed, paid) seven days back. */
    public void moveOrderAWeekBack(UUID orderId) {
        em.createNativeQuery("""
                        update orders set created_at = created_at - interval '7 days', paid_at = paid_at - interval '7 days'
                        where id = ?1""").setParameter(1, orderId).executeUpdate();
    }

    /** Forgets how far the rollups got, so that the next refresh rebuilds them from the orders. */
    public void forgetRollups() {
        em.createNativeQuery("delete from rollup_state").executeUpdate();
    }

    /** Sets a member's weekly summary flag directly (as if they had turned it on before a change of role). */
    public void weeklySummaryFlag(UUID userId, boolean on) {
        em.createNativeQuery("update account_users set weekly_summary = ?2 where user_id = ?1")
                .setParameter(1, userId).setParameter(2, on).executeUpdate();
    }

    /** Tickets first admitted (entries not undone) in [start, end), from the check-ins themselves. */
    public long admitted(Instant start, Instant end) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from (select attendee_id, min(created_at) as first from check_ins
                                              where direction = 'in' and undone_at is null group by attendee_id) x
                        where x.first >= ?1 and x.first < ?2""")
                .setParameter(1, Timestamp.from(start)).setParameter(2, Timestamp.from(end)).getSingleResult())
                .longValue();
    }

    /** Moves the event 30 days ahead (after its check-ins), so that it is upcoming again. */
    public void moveEventAhead(UUID eventId) {
        em.createNativeQuery("""
                        update events set starts_at = now() + interval '30 days', ends_at = now() + interval '30 days 3 hours'
                        where id = ?1""").setParameter(1, eventId).executeUpdate();
    }

    /** The recipients count of the bound account's summary of a week, or -1 without one. */
    public int recipients(java.time.LocalDate week) {
        var rows = em.createNativeQuery("select recipients from weekly_summaries where week_start = ?1")
                .setParameter(1, week).getResultList();
        return rows.isEmpty() ? -1 : ((Number) rows.get(0)).intValue();
    }

    /** The audit entries of the bound account's changes of the weekly summary by user: "actor after". */
    @SuppressWarnings("unchecked")
    public java.util.List<String> summaryChanges(UUID userId) {
        return ((java.util.List<Object[]>) em.createNativeQuery("""
                        select a.actor_user_id::text, a.after::text from audit_log a
                        join account_users au on au.id = a.subject_id
                        where a.action = 'member.weekly_summary_changed' and au.user_id = ?1 order by a.occurred_at""")
                .setParameter(1, userId).getResultList()).stream().map(r -> r[0] + " " + r[1]).toList();
    }
}
