package io.eventos.ticketing.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * Test-only writer for the sales tests, deployed with them: an account with a published event on sale, ticket
 * types, capacity groups and promo codes written as rows (the organizer screens for them are tested elsewhere),
 * and counts read straight from the tables.
 */
@Stateless
@TenantBound
public class SalesFixtures {

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext session;

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The values of these PostgreSQL settings in a transaction of the caller's binding (TransactionSettings.bind). */
    public java.util.List<String> settings(String... names) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (String name : names) {
            values.add((String) em.createNativeQuery("select current_setting(?1)").setParameter(1, name)
                    .getSingleResult());
        }
        return values;
    }

    /** The bound account with one published public event starting in 30 days; returns the event id. */
    public UUID accountWithEventOnSale(String slug, Integer eventCapacity) {
        UUID accountId = CurrentTenant.require();
        em.createNativeQuery("insert into accounts (id, slug, name) values (?1, ?2, ?3)")
                .setParameter(1, accountId).setParameter(2, slug).setParameter(3, "Account " + slug).executeUpdate();
        UUID eventId = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency,
                                            status, visibility, published_at, capacity, format, online_url)
                        values (?1, ?2, 'rush', 'Rush', now() + interval '30 days', now() + interval '30 days 3 hours',
                                'Europe/Berlin', 'EUR', 'published', 'public', now(), ?3, 'online',
                                'https://stream.example.org/rush')""")
                .setParameter(1, eventId).setParameter(2, accountId).setParameter(3, eventCapacity).executeUpdate();
        return eventId;
    }

    public UUID capacityGroup(UUID eventId, String name, int capacity) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into capacity_groups (id, account_id, event_id, name, capacity)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, id).setParameter(2, CurrentTenant.require()).setParameter(3, eventId)
                .setParameter(4, name).setParameter(5, capacity).executeUpdate();
        return id;
    }

    /** A visible ticket type of {@code quantity} (null = unlimited) at {@code priceMinor} EUR, 1–10 per order. */
    public UUID ticketType(UUID eventId, String name, long priceMinor, Integer quantity, UUID groupId) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into tickets (id, account_id, event_id, capacity_group_id, name, price_minor, currency,
                                             quantity, min_per_order, max_per_order)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'EUR', ?7, 1, 10)""")
                .setParameter(1, id).setParameter(2, CurrentTenant.require()).setParameter(3, eventId)
                .setParameter(4, groupId).setParameter(5, name).setParameter(6, priceMinor)
                .setParameter(7, quantity).executeUpdate();
        return id;
    }

    public void promoCode(UUID eventId, String code, int percentOff, Integer usageLimit) {
        em.createNativeQuery("""
                        insert into promo_codes (id, account_id, event_id, code, kind, percent_off, usage_limit)
                        values (gen_random_uuid(), ?1, ?2, ?3, 'percent', ?4, ?5)""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, eventId).setParameter(3, code)
                .setParameter(4, percentOff).setParameter(5, usageLimit).executeUpdate();
    }

    /**
     * {@code orders} paid orders of two tickets each, written directly (with their converted holds, hold lines,
     * order lines and attendees) as a large event's history: what the checkout's count must not read again.
     * Codes are unique within the event (its number in hexadecimal after three characters of the event's: nine random
     * characters collided once in 10,500).
     */
    public void paidOrderHistory(UUID eventId, UUID ticketId, int orders) {
        UUID account = CurrentTenant.require();
        em.createNativeQuery("""
                        insert into holds (id, account_id, event_id, token, expires_at, status)
                        select md5('h' || ?1 || i)::uuid, ?2, ?1, md5('t' || ?1 || i), now(), 'converted'
                        from generate_series(1, ?3) i""")
                .setParameter(1, eventId).setParameter(2, account).setParameter(3, orders).executeUpdate();
        em.createNativeQuery("""
                        insert into hold_lines (id, account_id, hold_id, ticket_id, quantity)
                        select gen_random_uuid(), ?2, md5('h' || ?1 || i)::uuid, ?4, 2 from generate_series(1, ?3) i""")
                .setParameter(1, eventId).setParameter(2, account).setParameter(3, orders).setParameter(4, ticketId)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into orders (id, account_id, event_id, code, access_token_hash, buyer_name, buyer_email,
                                            currency, status, paid_at, hold_id, total_minor)
                        select md5('o' || ?1 || i)::uuid, ?2, ?1, 'H' || upper(substr(md5('c' || ?1), 1, 3)) || lpad(upper(to_hex(i)), 6, '0'),
                               md5('a' || ?1 || i), 'Past Buyer', 'past' || i || '@example.org', 'EUR', 'paid', now(),
                               md5('h' || ?1 || i)::uuid, 5000
                        from generate_series(1, ?3) i""")
                .setParameter(1, eventId).setParameter(2, account).setParameter(3, orders).executeUpdate();
        em.createNativeQuery("""
                        insert into order_lines (id, account_id, order_id, ticket_id, quantity, unit_price_minor,
                                                 total_minor)
                        select md5('l' || ?1 || i)::uuid, ?2, md5('o' || ?1 || i)::uuid, ?4, 2, 2500, 5000
                        from generate_series(1, ?3) i""")
                .setParameter(1, eventId).setParameter(2, account).setParameter(3, orders).setParameter(4, ticketId)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into attendees (id, account_id, event_id, order_id, order_line_id, ticket_id, code,
                                               first_name, last_name)
                        select gen_random_uuid(), ?2, ?1, md5('o' || ?1 || i)::uuid, md5('l' || ?1 || i)::uuid, ?4,
                               md5('q' || ?1 || i || '-' || j), 'Past', 'Guest'
                        from generate_series(1, ?3) i, generate_series(1, 2) j""")
                .setParameter(1, eventId).setParameter(2, account).setParameter(3, orders).setParameter(4, ticketId)
                .executeUpdate();
    }

    /**
     * Holds the row lock of the contact with this address for {@code millis} (its own transaction), as a concurrent
     * write of that contact would: for tests that line up other transactions behind it.
     */
    public void holdContactRow(String email, long millis) {
        em.createNativeQuery("select id from contacts where lower(email) = lower(?1) for no key update")
                .setParameter(1, email).getResultList();
        em.createNativeQuery("select pg_sleep(?1)").setParameter(1, millis / 1000.0).getResultList();
    }

    /** Whether another transaction holds the contact's row lock right now (the probe skips a locked row). */
    public boolean contactRowLocked(String email) {
        return em.createNativeQuery("select id from contacts where lower(email) = lower(?1) for update skip locked")
                .setParameter(1, email).getResultList().isEmpty();
    }

    /** Holds the event's sales lock (its row, as SalesLock takes it) for {@code millis}, in its own transaction. */
    public void holdSalesLock(UUID eventId, long millis) {
        em.createNativeQuery("select id from events where id = ?1 for no key update").setParameter(1, eventId)
                .getResultList();
        em.createNativeQuery("select pg_sleep(?1)").setParameter(1, millis / 1000.0).getResultList();
    }

    /** Whether another transaction holds the event's sales lock right now (the probe skips a locked row). */
    public boolean salesLocked(UUID eventId) {
        return em.createNativeQuery("select id from events where id = ?1 for no key update skip locked")
                .setParameter(1, eventId).getResultList().isEmpty();
    }

    /**
     * Writes an order with this idempotency key and keeps it uncommitted for {@code millis}, then rolls it back: an
     * order step with the same key waits at its own insert meanwhile (the unique index), after its early checks and
     * before the sales lock, which lets a test hold it exactly there.
     */
    public void holdIdempotencyKey(UUID eventId, String key, long millis) {
        em.createNativeQuery("""
                        insert into orders (id, account_id, event_id, code, access_token_hash, buyer_name, buyer_email,
                                            currency, status, idempotency_key)
                        values (gen_random_uuid(), ?1, ?2, 'BLOCKER-' || substr(md5(?3), 1, 8), md5(?3), 'Blocker',
                                'blocker@example.org', 'EUR', 'cancelled', ?3)""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, eventId).setParameter(3, key)
                .executeUpdate();
        em.createNativeQuery("select pg_sleep(?1)").setParameter(1, millis / 1000.0).getResultList();
        session.setRollbackOnly();
    }

    /** Moves the hold's expiry to {@code millis} from now. */
    public void holdExpiresIn(String token, long millis) {
        em.createNativeQuery("update holds set expires_at = now() + make_interval(secs => ?2) where token = ?1")
                .setParameter(1, token).setParameter(2, millis / 1000.0).executeUpdate();
    }

    public boolean holdExpired(String token) {
        return (Boolean) em.createNativeQuery("select expires_at <= now() from holds where token = ?1")
                .setParameter(1, token).getSingleResult();
    }

    /** Sessions of this database in a {@code pg_sleep} right now (a fixture holding something). */
    public long sessionsSleeping() {
        return ((Number) em.createNativeQuery("""
                select count(*) from pg_stat_activity
                where datname = current_database() and state = 'active' and query like 'select pg_sleep%'""")
                .getSingleResult()).longValue();
    }

    /** Sessions of this database waiting for a lock right now. */
    public long sessionsWaitingForALock() {
        return ((Number) em.createNativeQuery("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'""").getSingleResult()).longValue();
    }

    /** Valid tickets issued for a ticket type in paid orders. */
    public long paidTickets(UUID ticketId) {
        return count("""
                select count(*) from attendees a join orders o on o.account_id = a.account_id and o.id = a.order_id
                where a.ticket_id = ?1 and a.status = 'valid' and o.status = 'paid'""", ticketId);
    }

    /** The sold count PostgreSQL keeps on the ticket type (V12), as the checkout reads it. */
    public long soldCount(UUID ticketId) {
        return count("select sold_count from tickets where id = ?1", ticketId);
    }

    /** Tickets in holds that are active and not expired. */
    public long heldTickets(UUID ticketId) {
        return count("""
                select coalesce(sum(hl.quantity), 0) from hold_lines hl
                join holds h on h.account_id = hl.account_id and h.id = hl.hold_id
                where hl.ticket_id = ?1 and h.status = 'active' and h.expires_at > now()""", ticketId);
    }

    public long ordersUsing(String promoCode) {
        return count("""
                select count(*) from orders o join promo_codes p on p.account_id = o.account_id and p.id = o.promo_code_id
                where p.code = ?1""", promoCode);
    }

    public long promoUsedCount(String promoCode) {
        return count("select used_count from promo_codes where code = ?1", promoCode);
    }

    /** Pretends the code has been used {@code times} times (as if that many orders had counted it). */
    public void usePromoCode(String promoCode, int times) {
        em.createNativeQuery("update promo_codes set used_count = ?2 where code = ?1")
                .setParameter(1, promoCode).setParameter(2, times).executeUpdate();
    }

    public long ordersWithKey(String idempotencyKey) {
        return count("select count(*) from orders where idempotency_key = ?1", idempotencyKey);
    }

    /** Moves every hold of the event {@code minutes} into the past, as if that time had gone by. */
    public void ageHolds(UUID eventId, int minutes) {
        em.createNativeQuery("update holds set expires_at = expires_at - make_interval(mins => ?2) where event_id = ?1")
                .setParameter(1, eventId).setParameter(2, minutes).executeUpdate();
    }

    /** Moves the payment deadline of the event's pending orders into the past. */
    public void passPaymentDeadlines(UUID eventId) {
        em.createNativeQuery("""
                        update orders set payment_deadline = now() - interval '1 second'
                        where event_id = ?1 and status = 'pending'""")
                .setParameter(1, eventId).executeUpdate();
    }

    /**
     * Whether another transaction holds the order's row lock right now (a payment under way): the probe skips a
     * locked row instead of waiting for it.
     */
    public boolean orderRowLocked(UUID orderId) {
        return em.createNativeQuery("select id from orders where id = ?1 for update skip locked")
                .setParameter(1, orderId).getResultList().isEmpty();
    }

    /** Whether the order's payment deadline has passed by the database's clock. */
    public boolean deadlinePassed(UUID orderId) {
        return count("select count(*) from orders where id = ?1 and payment_deadline <= now()", orderId) == 1;
    }

    /** Gives the event's pending orders a payment deadline {@code millis} from now. */
    public void paymentDeadlinesIn(UUID eventId, long millis) {
        em.createNativeQuery("""
                        update orders set payment_deadline = now() + make_interval(secs => ?2 / 1000.0)
                        where event_id = ?1 and status = 'pending'""")
                .setParameter(1, eventId).setParameter(2, millis).executeUpdate();
    }

    /** The checkout form for a hold: buyer Ada, one named attendee per ticket, marketing consent, a fresh key. */
    public static io.eventos.ticketing.service.OrderRequest orderFor(io.eventos.ticketing.service.HoldView hold,
                                                                     String provider) {
        java.util.List<io.eventos.ticketing.service.OrderRequest.AttendeeName> names = new java.util.ArrayList<>();
        for (int i = 0; i < hold.tickets(); i++) {
            names.add(new io.eventos.ticketing.service.OrderRequest.AttendeeName("Ada", "Guest" + i, null));
        }
        return new io.eventos.ticketing.service.OrderRequest(hold.token(), "Ada Buyer", "ada@example.org", names, true,
                provider, UUID.randomUUID().toString(), "en");
    }

    /** Moves the event's start (and end, three hours later) to {@code startsAt}, as if that much time had passed. */
    public void startEventAt(UUID eventId, java.time.Instant startsAt) {
        em.createNativeQuery("update events set starts_at = cast(?2 as timestamptz), ends_at = cast(?2 as timestamptz) + interval '3 hours' where id = ?1")
                .setParameter(1, eventId).setParameter(2, java.time.OffsetDateTime.ofInstant(startsAt,
                        java.time.ZoneOffset.UTC)).executeUpdate();
    }

    public void organizerEmail(UUID eventId, String email) {
        em.createNativeQuery("update events set organizer_email = ?2 where id = ?1")
                .setParameter(1, eventId).setParameter(2, email).executeUpdate();
    }

    /** Succeeded refund payments recorded for an order. */
    public long refundPayments(UUID orderId) {
        return count("select count(*) from payments where order_id = ?1 and kind = 'refund' and status = 'succeeded'",
                orderId);
    }

    /** Business records of this action on the order, and how many of them say the buyer acted. */
    public long[] auditOf(UUID orderId, String action) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), count(*) filter (where after ->> 'by' = 'buyer') from audit_log
                        where subject_type = 'order' and subject_id = ?1 and action = ?2""")
                .setParameter(1, orderId).setParameter(2, action).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** The account's contacts as "email|first|last|consent|source|consent_source", sorted by email. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> contacts() {
        return ((java.util.List<Object[]>) em.createNativeQuery("""
                        select email, first_name, last_name, marketing_consent, source, consent_source from contacts
                        order by lower(email)""").getResultList()).stream()
                .map(r -> java.util.Arrays.stream(r).map(String::valueOf).collect(java.util.stream.Collectors.joining("|")))
                .toList();
    }

    /** The timeline of the contact with this address, oldest first, as "kind|subject". */
    @SuppressWarnings("unchecked")
    public java.util.List<String> activities(String email) {
        return ((java.util.List<Object[]>) em.createNativeQuery("""
                        select a.kind, a.subject from activities a
                        join contacts c on c.account_id = a.account_id and c.id = a.contact_id
                        where lower(c.email) = lower(?1) order by a.occurred_at, a.created_at""")
                .setParameter(1, email).getResultList()).stream().map(r -> r[0] + "|" + r[1]).toList();
    }

    /** Orders whose buyer is linked to the contact with this address. */
    public long ordersOfContact(String email) {
        return count("""
                select count(*) from orders o join contacts c on c.account_id = o.account_id and c.id = o.buyer_contact_id
                where lower(c.email) = lower(?1)""", email);
    }

    /** The event's funnel facts: metric → "rows/sum of count/sum of amount". */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, String> facts(UUID eventId) {
        java.util.Map<String, String> facts = new java.util.TreeMap<>();
        ((java.util.List<Object[]>) em.createNativeQuery("""
                        select metric, count(*), sum(count), sum(amount_minor) from analytics
                        where event_id = ?1 and granularity = 'fact' group by metric""")
                .setParameter(1, eventId).getResultList())
                .forEach(r -> facts.put((String) r[0], r[1] + "/" + r[2] + "/" + r[3]));
        return facts;
    }

    private long count(String sql, Object parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }

    /**
     * The bound account's outbox rows of {@code topic}: "consumer|status|action of the audit entry|its subject", in
     * the order written.
     */
    @SuppressWarnings("unchecked")
    public List<String> outbox(String topic) {
        return ((List<Object[]>) em.createNativeQuery("""
                        select o.consumer, o.status, a.action, cast(a.subject_id as text) from outbox o
                        left join audit_log a on a.account_id = o.account_id and a.id = o.audit_id
                        where o.topic = ?1 order by o.created_at""")
                .setParameter(1, topic).getResultList()).stream()
                .map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3]).toList();
    }

    /** A mail row of the bound account that is due only in an hour (no worker takes it meanwhile). */
    public UUID outboxRowDueLater(String topic) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into outbox (id, account_id, consumer, topic, available_at)
                        values (?1, cast(current_setting('app.account_id') as uuid), 'mail', ?2,
                                now() + interval '1 hour')""")
                .setParameter(1, id).setParameter(2, topic).executeUpdate();
        return id;
    }

    /** "status|last error|seconds until due (rounded to 10)" of an outbox row of the bound account. */
    public String outboxRow(UUID id) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select status, last_error, round(extract(epoch from available_at - now()) / 10) * 10
                        from outbox where id = ?1""")
                .setParameter(1, id).getSingleResult();
        return r[0] + "|" + r[1] + "|" + ((Number) r[2]).longValue();
    }

    public void deleteOutboxRow(UUID id) {
        em.createNativeQuery("delete from outbox where id = ?1").setParameter(1, id).executeUpdate();
    }

    /** The order's attendees as "first name|attendee email|email of the linked contact (lower case)", by first name. */
    public java.util.List<String> attendeeContacts(UUID orderId) {
        java.util.List<?> rows = em.createNativeQuery("""
                        select a.first_name || '|' || coalesce(a.email, '-') || '|' || coalesce(lower(c.email), '-')
                        from attendees a left join contacts c on c.id = a.contact_id
                        where a.order_id = ?1 order by a.first_name, a.email collate "C"
                        """)
                .setParameter(1, orderId).getResultList();
        return rows.stream().map(String::valueOf).toList();
    }
}
