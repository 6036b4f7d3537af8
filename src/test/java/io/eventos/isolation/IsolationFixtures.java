package io.eventos.isolation;

import io.eventos.account.domain.Account;
import io.eventos.event.domain.Event;
import io.eventos.event.domain.Venue;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Test-only writer deployed with the in-container tests: creates an account with a venue and an event, and tries
 * the writes a buggy or malicious caller could attempt with raw SQL (which no service offers).
 */
@Stateless
@TenantBound
public class IsolationFixtures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * Persists the bound account itself, with one venue and one event, and makes the bound user its owner;
     * returns the event id.
     */
    public UUID createAccountWithEvent(String slug) {
        UUID accountId = CurrentTenant.require();
        UUID userId = CurrentTenant.user().orElseThrow();
        em.createNativeQuery("insert into accounts (id, slug, name) values (?1, ?2, ?3)")
                .setParameter(1, accountId).setParameter(2, slug).setParameter(3, "Account " + slug)
                .executeUpdate();
        addMember(userId, "owner", null);
        Venue venue = new Venue("Hall of " + slug, "Europe/Berlin");
        em.persist(venue);
        // 30 days ahead at 09:00 in Berlin, whatever the time of day the tests run: an hour-long session from the
        // start stays within one day (at 22:00 UTC a start of "now, to the hour" was 23:00 in Berlin, and an
        // agenda warning then named two dates where the test expected two times)
        Instant start = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(30).atTime(9, 0)
                .atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
        Event event = new Event("launch", "Launch of " + slug, start, start.plus(3, ChronoUnit.HOURS),
                "Europe/Berlin", "EUR");
        event.setVenue(venue);
        em.persist(event);
        em.flush();
        return event.getId();
    }

    /** Creates a user and makes them a member of the bound account with {@code role}, limited to some events or not. */
    public UUID addMember(UUID userId, String role, String eventScopeJson) {
        em.createNativeQuery("insert into users (id, email, name) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, userId).setParameter(2, userId + "@test.eventos.test").setParameter(3, "User " + role)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into account_users (id, account_id, user_id, role, event_scope)
                        values (gen_random_uuid(), ?1, ?2, ?3, cast(?4 as jsonb))""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, userId).setParameter(3, role)
                .setParameter(4, eventScopeJson)
                .executeUpdate();
        return userId;
    }

    /** Changes a member's role in the bound account. */
    public void changeRole(UUID userId, String role) {
        em.createNativeQuery("update account_users set role = ?2 where user_id = ?1")
                .setParameter(1, userId).setParameter(2, role).executeUpdate();
    }

    /** A raw insert of an event row that names another account. */
    public void insertEventFor(UUID foreignAccountId) {
        em.createNativeQuery("""
                        insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency)
                        values (gen_random_uuid(), ?1, 'smuggled', 'Smuggled', now() + interval '1 day',
                                now() + interval '2 days', 'UTC', 'EUR')""")
                .setParameter(1, foreignAccountId)
                .executeUpdate();
        em.flush();
    }

    /** A session row of the bound account that points at another account's event. */
    public void insertSessionPointingAt(UUID foreignEventId) {
        em.createNativeQuery("""
                        insert into sessions (id, account_id, event_id, title, starts_at, ends_at)
                        values (gen_random_uuid(), ?1, ?2, 'Borrowed', now() + interval '1 day',
                                now() + interval '1 day 1 hour')""")
                .setParameter(1, CurrentTenant.require())
                .setParameter(2, foreignEventId)
                .executeUpdate();
        em.flush();
    }

    /** Raw update and delete of every event row this transaction can see; returns the rows touched. */
    public int renameAndDeleteAllEvents() {
        int renamed = em.createNativeQuery("update events set name = 'Renamed by a neighbour'").executeUpdate();
        int deleted = em.createNativeQuery("delete from events where slug = 'launch' and name like 'nothing%'")
                .executeUpdate();
        return renamed + deleted;
    }

    /** A paid order of one 25 EUR ticket for the event, written as rows; returns the order id. */
    public UUID createPaidOrder(UUID eventId) {
        UUID account = CurrentTenant.require();
        UUID ticket = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into tickets (id, account_id, event_id, name, price_minor, currency, quantity)
                        values (?1, ?2, ?3, 'Regular', 2500, 'EUR', 100)""")
                .setParameter(1, ticket).setParameter(2, account).setParameter(3, eventId).executeUpdate();
        em.createNativeQuery("""
                        insert into orders (id, account_id, event_id, code, access_token_hash, buyer_name, buyer_email,
                                            status, subtotal_minor, total_minor, currency, payment_provider, paid_at)
                        values (?1, ?2, ?3, ?4, ?5, 'Pat Buyer', 'pat@example.org', 'paid', 2500, 2500, 'EUR',
                                'test_card', now())""")
                .setParameter(1, order).setParameter(2, account).setParameter(3, eventId)
                .setParameter(4, "T-" + order.toString().substring(0, 8)).setParameter(5, order.toString())
                .executeUpdate();
        em.createNativeQuery("""
                        insert into order_lines (id, account_id, order_id, ticket_id, quantity, unit_price_minor,
                                                 total_minor)
                        values (?1, ?2, ?3, ?4, 1, 2500, 2500)""")
                .setParameter(1, line).setParameter(2, account).setParameter(3, order).setParameter(4, ticket)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into attendees (id, account_id, event_id, order_id, order_line_id, ticket_id, code,
                                               first_name, last_name)
                        values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, ?6, 'Pat', 'Buyer')""")
                .setParameter(1, account).setParameter(2, eventId).setParameter(3, order).setParameter(4, line)
                .setParameter(5, ticket).setParameter(6, UUID.randomUUID().toString()).executeUpdate();
        return order;
    }

    public String eventName(UUID eventId) {
        Event event = em.find(Event.class, eventId);
        return event == null ? null : event.getName();
    }
}
