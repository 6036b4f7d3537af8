package io.eventos.crm.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Test-only: an event in another currency, and the expected members of the segment rules computed straight from
 * ticketing's tables (not through the read model the service uses), in the bound account.
 */
@Stateless
@TenantBound
public class SegmentRuleFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    ContactPrivacyService privacy;

    /**
     * Erases the contact, says so through {@code erased}, and keeps the erasure's transaction open until another
     * session of the database waits for a lock (at most 30 s): a check-in started meanwhile runs into the erasure
     * and goes on only once it has committed.
     */
    public void eraseAndWaitForAWaiter(UUID contactId, CountDownLatch erased) {
        privacy.erase(contactId);
        erased.countDown();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Number waiting = (Number) em.createNativeQuery("""
                            select count(*) from pg_stat_activity
                            where wait_event_type = 'Lock' and pid <> pg_backend_pid()
                              and datname = current_database()""").getSingleResult();
            if (waiting.longValue() > 0) {
                return;
            }
            try {
                Thread.sleep(20); // polling the database's view of who waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A published event on sale in {@code currency} with one ticket type at {@code priceMinor}; returns the type. */
    public UUID eventWithTicketType(String slug, String currency, String ticketName, long priceMinor) {
        UUID eventId = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency,
                                            status, visibility, published_at, format, online_url)
                        values (?1, ?2, ?3, ?4, now() + interval '40 days', now() + interval '40 days 3 hours',
                                'America/New_York', ?5, 'published', 'public', now(), 'online',
                                'https://stream.example.org/x')""")
                .setParameter(1, eventId).setParameter(2, CurrentTenant.require()).setParameter(3, slug)
                .setParameter(4, "Event " + slug).setParameter(5, currency).executeUpdate();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into tickets (id, account_id, event_id, name, price_minor, currency, quantity,
                                             min_per_order, max_per_order)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 100, 1, 10)""")
                .setParameter(1, id).setParameter(2, CurrentTenant.require()).setParameter(3, eventId)
                .setParameter(4, ticketName).setParameter(5, priceMinor).setParameter(6, currency).executeUpdate();
        return id;
    }

    public UUID eventOf(UUID ticketId) {
        return (UUID) em.createNativeQuery("select event_id from tickets where id = ?1").setParameter(1, ticketId)
                .getSingleResult();
    }

    /** Emails of the contacts whose paid orders minus refunds in {@code currency} come to at least {@code minor}. */
    @SuppressWarnings("unchecked")
    public List<String> spenders(String currency, long minor) {
        return em.createNativeQuery("""
                        select c.email from contacts c join orders o on o.buyer_contact_id = c.id
                        where o.paid_at is not null and o.currency = ?1
                        group by c.email having sum(o.total_minor) - sum(o.refunded_minor) >= ?2 order by c.email""")
                .setParameter(1, currency).setParameter(2, minor).getResultList();
    }

    /** Emails of the contacts with a paid order holding a line of this ticket type. */
    @SuppressWarnings("unchecked")
    public List<String> buyersOf(UUID ticketId) {
        return em.createNativeQuery("""
                        select distinct c.email from contacts c
                        join orders o on o.buyer_contact_id = c.id and o.status = 'paid'
                        join order_lines l on l.order_id = o.id and l.ticket_id = ?1 order by c.email""")
                .setParameter(1, ticketId).getResultList();
    }

    /**
     * Emails of the contacts with a hold (of the event, or any when null) that has their address, is over and was
     * not turned into an order, and no order of that event with their address placed since (paid, or pending in time).
     */
    @SuppressWarnings("unchecked")
    public List<String> abandoners(UUID eventId) {
        return em.createNativeQuery("""
                        select distinct c.email from contacts c join holds h on lower(h.buyer_email) = lower(c.email)
                        where (cast(?1 as uuid) is null or h.event_id = cast(?1 as uuid))
                          and h.status <> 'converted' and (h.status = 'released' or h.expires_at <= now())
                          and not exists (select 1 from orders o where lower(o.buyer_email) = lower(c.email)
                                          and o.event_id = h.event_id and o.placed_at >= h.created_at
                                          and (o.paid_at is not null or o.status = 'pending'
                                               and coalesce(o.payment_deadline > now(), true)))
                        order by c.email""")
                .setParameter(1, eventId == null ? null : eventId.toString()).getResultList();
    }

    /** The address a hold keeps (null when none). */
    public String holdEmail(String token) {
        List<?> rows = em.createNativeQuery("select buyer_email from holds where token = ?1").setParameter(1, token)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /**
     * Per visible contact (not erased, not merged) with any, "events bought|events attended" computed from ticketing's
     * and check-in's own tables: the distinct events of the paid orders it bought (a refund keeps the order's payment),
     * and of the check-ins of tickets linked to it or, without a link, on its orders (the door's choice); by address.
     */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, String> eventBehaviour() {
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                        select lower(c.email),
                               (select count(distinct o.event_id) from orders o
                                where o.buyer_contact_id = c.id and o.paid_at is not null),
                               (select count(distinct ci.event_id) from check_ins ci
                                join attendees a on a.id = ci.attendee_id join orders o on o.id = a.order_id
                                where coalesce(a.contact_id, o.buyer_contact_id) = c.id)
                        from contacts c where c.erased_at is null and c.merged_into_id is null""").getResultList()) {
            if (((Number) r[1]).longValue() + ((Number) r[2]).longValue() > 0) {
                expected.put((String) r[0], r[1] + "|" + r[2]);
            }
        }
        return expected;
    }

    /** The counters the CRM keeps (V36), "events bought|events attended" per visible contact's address. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, String> eventCounters() {
        java.util.Map<String, String> kept = new java.util.TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                        select lower(c.email), n.events_bought, n.events_attended from contact_event_counts n
                        join contacts c on c.id = n.contact_id
                        where c.erased_at is null and c.merged_into_id is null""").getResultList()) {
            kept.put((String) r[0], r[1] + "|" + r[2]);
        }
        return kept;
    }

    /** How many rows of facts and counters name this contact (V36). */
    public long eventRowsOf(UUID contactId) {
        return ((Number) em.createNativeQuery("""
                        select (select count(*) from contact_event_facts where contact_id = ?1)
                             + (select count(*) from contact_event_counts where contact_id = ?1)""")
                .setParameter(1, contactId).getSingleResult()).longValue();
    }

    /** The contact with this address (any case). */
    public UUID contactOf(String email) {
        return (UUID) em.createNativeQuery("select id from contacts where lower(email) = lower(?1)")
                .setParameter(1, email).getSingleResult();
    }

    /** Addresses of the visible contacts who bought for the event (a paid order of theirs, refunded or not). */
    @SuppressWarnings("unchecked")
    public List<String> buyersOfEvent(UUID eventId) {
        return em.createNativeQuery("""
                        select distinct lower(c.email) from contacts c join orders o on o.buyer_contact_id = c.id
                        where o.event_id = ?1 and o.paid_at is not null and c.erased_at is null
                          and c.merged_into_id is null order by 1""")
                .setParameter(1, eventId).getResultList();
    }

    /** Addresses of the visible contacts credited with a check-in at the event (the ticket's contact, else buyer's). */
    @SuppressWarnings("unchecked")
    public List<String> attendeesOfEvent(UUID eventId) {
        return em.createNativeQuery("""
                        select distinct lower(c.email) from check_ins ci
                        join attendees a on a.id = ci.attendee_id join orders o on o.id = a.order_id
                        join contacts c on c.id = coalesce(a.contact_id, o.buyer_contact_id)
                        where ci.event_id = ?1 and c.erased_at is null and c.merged_into_id is null order by 1""")
                .setParameter(1, eventId).getResultList();
    }
}
