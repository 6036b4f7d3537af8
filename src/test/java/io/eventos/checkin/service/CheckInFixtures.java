package io.eventos.checkin.service;

import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/** Test-only reads for the check-in tests, deployed with them: codes of an order's tickets and what a scan left. */
@Stateless
@TenantBound
public class CheckInFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The ticket codes of an order, in the order they were issued. */
    @SuppressWarnings("unchecked")
    public List<String> codes(UUID orderId) {
        return em.createNativeQuery("select code from attendees where order_id = ?1 order by last_name, created_at")
                .setParameter(1, orderId).getResultList();
    }

    public UUID attendeeOf(String code) {
        return CheckInQueries.uuid(em.createNativeQuery("select id from attendees where code = ?1")
                .setParameter(1, code).getSingleResult());
    }

    /** Entries of a ticket that were not undone. */
    public long entries(String code) {
        return count("""
                select count(*) from check_ins c join attendees a on a.account_id = c.account_id and a.id = c.attendee_id
                where a.code = ?1 and c.direction = 'in' and c.undone_at is null""", code);
    }

    public long scansWithNonce(String nonce) {
        return count("select count(*) from checkin_scans where nonce = ?1", nonce);
    }

    public long scansOf(String input) {
        return count("select count(*) from checkin_scans where input = ?1", input);
    }

    /** Audit records of an action about the ticket. */
    public long audits(String code, String action) {
        return count("""
                select count(*) from audit_log l join attendees a on a.account_id = l.account_id and a.id = l.subject_id
                where a.code = ?1 and l.action = '""" + action + "'", code);
    }

    /** The default list of an event (made by the trigger with the event). */
    public UUID defaultList(UUID eventId) {
        return CheckInQueries.uuid(em.createNativeQuery(
                        "select id from checkin_lists where event_id = ?1 and is_default")
                .setParameter(1, eventId).getSingleResult());
    }

    /** A second published event "Other evening" of the bound account; returns its id. */
    public UUID secondEvent() {
        UUID eventId = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency,
                                            status, visibility, published_at, format, online_url)
                        values (?1, ?2, 'other-evening', 'Other evening', now() + interval '31 days',
                                now() + interval '31 days 3 hours', 'Europe/Berlin', 'EUR', 'published', 'public', now(),
                                'online', 'https://stream.example.org/other')""")
                .setParameter(1, eventId).setParameter(2, io.eventos.platform.tenancy.CurrentTenant.require())
                .executeUpdate();
        return eventId;
    }

    private long count(String sql, String parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
