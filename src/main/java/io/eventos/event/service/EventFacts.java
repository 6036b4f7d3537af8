package io.eventos.event.service;

import io.eventos.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the contexts above the event context (ticketing, check-in) read of one event, so that they do not read the
 * event context's tables themselves (docs/architecture.md, "One SQL home per context"). Read in the caller's
 * transaction with its account bound (row level security keeps it to that account, and to a limited member's
 * events): no tenant binding of its own, so each answer costs exactly the one statement the caller used to run
 * itself (the checkout's statements per order stay as they were). The caller checks its permission. Empty: no
 * such event in the bound account.
 */
@ApplicationScoped
public class EventFacts {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** What a sale checks of the event; {@code holdMinutes} is the event's own hold time, or null for the default. */
    public record SaleTerms(String status, String visibility, Instant startsAt, Instant endsAt, String currency,
                            Integer holdMinutes) {
    }

    /** The event as the organizer's ticketing pages name it, with the organizer's slug. */
    public record Outline(String name, String slug, String timeZone, String currency, Integer capacity, String status,
                          String accountSlug) {
    }

    /** The event's name and the time zone its times are shown in. */
    public record Named(String name, String timeZone) {
    }

    /**
     * The event as a buyer sees it above the checkout, the order and its emails: what, when, where and who organizes
     * it ({@code organizerEmail}: the event's, else the account's contact address; may be null).
     */
    public record ForBuyers(String accountName, String accountSlug, String name, String slug, Instant startsAt,
                            Instant endsAt, String timeZone, String venueName, String venueAddressLine1,
                            String venueAddressLine2, String venuePostalCode, String venueCity, String venueCountry,
                            String onlineUrl, String organizerEmail) {
    }

    public Optional<SaleTerms> forSale(UUID eventId) {
        Object[] r = first(em.createNativeQuery("""
                        select status, visibility, starts_at, ends_at, currency, (settings ->> 'hold_minutes')::int
                        from events where id = ?1""")
                .setParameter(1, eventId).getResultList());
        return r == null ? Optional.empty() : Optional.of(new SaleTerms((String) r[0], (String) r[1],
                SqlValues.instant(r[2]), SqlValues.instant(r[3]), String.valueOf(r[4]).strip(),
                r[5] == null ? null : ((Number) r[5]).intValue()));
    }

    public Optional<Outline> outline(UUID eventId) {
        Object[] r = first(em.createNativeQuery("""
                        select e.name, e.slug, e.time_zone, e.currency, e.capacity, e.status, a.slug
                        from events e cross join account_published_facts(e.account_id) a where e.id = ?1""")
                .setParameter(1, eventId).getResultList());
        return r == null ? Optional.empty() : Optional.of(new Outline((String) r[0], (String) r[1], (String) r[2],
                String.valueOf(r[3]).strip(), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                (String) r[6]));
    }

    /** The event's name and time zone. */
    public Optional<Named> named(UUID eventId) {
        Object[] r = first(em.createNativeQuery("select name, time_zone from events where id = ?1")
                .setParameter(1, eventId).getResultList());
        return r == null ? Optional.empty() : Optional.of(new Named((String) r[0], (String) r[1]));
    }

    /** The event's currency (ISO 4217). */
    public Optional<String> currency(UUID eventId) {
        List<?> rows = em.createNativeQuery("select currency from events where id = ?1").setParameter(1, eventId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(rows.get(0)).strip());
    }

    public Optional<ForBuyers> forBuyers(UUID eventId) {
        Object[] e = first(em.createNativeQuery("""
                        select a.name, a.slug, e.name, e.slug, e.starts_at, e.ends_at, e.time_zone,
                               v.name, v.address_line1, v.address_line2, v.postal_code, v.city, v.country,
                               e.online_url, coalesce(e.organizer_email, a.contact_email)
                        from events e
                        cross join account_published_facts(e.account_id) a
                        left join venues v on v.account_id = e.account_id and v.id = e.venue_id
                        where e.id = ?1""")
                .setParameter(1, eventId).getResultList());
        return e == null ? Optional.empty() : Optional.of(new ForBuyers((String) e[0], (String) e[1], (String) e[2],
                (String) e[3], SqlValues.instant(e[4]), SqlValues.instant(e[5]), (String) e[6], (String) e[7],
                (String) e[8], (String) e[9], (String) e[10], (String) e[11],
                e[12] == null ? null : String.valueOf(e[12]), (String) e[13], (String) e[14]));
    }

    /**
     * One key of the event's settings ({@code events.settings}, written through {@link EventSettings#put}) as JSON
     * text; empty when the event or the key is not there.
     */
    public Optional<String> setting(UUID eventId, String key) {
        List<?> rows = em.createNativeQuery("select (settings -> cast(?2 as text))::text from events where id = ?1")
                .setParameter(1, eventId).setParameter(2, key).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    private static Object[] first(List<?> rows) {
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }
}
