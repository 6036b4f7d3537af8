package io.eventos.event.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Public event pages rendered once per change (V37): the HTML of a page kept in the database with what it was
 * rendered from, answered to any visitor of any server while nothing it shows has changed. A kept page is current
 * when (1) the account's public content version has not moved since its data was read (statement triggers move it
 * on every write to events, agenda, venues, speakers, ticket types and the account's profile), (2) its
 * {@code valid_until} (a sales window opening or closing, the event ending) has not passed, and (3) the stock
 * counted now gives the same {@link PublicAvailability} text. (1) and (2) are one indexed read, (3) one statement
 * of the ticketing context ({@link TicketOffers#remaining}). The SQL of {@code public_page_renderings} and
 * {@code public_content_versions} lives here only.
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class PublicPageStore {

    /** A kept rendering that is current: its event, entity tag, robots rule and HTML (UTF-8), gzipped. */
    public record KeptPage(UUID eventId, String etag, boolean noIndex, byte[] htmlGzip) {
    }

    /**
     * What is known of a page: nothing kept for it; a rendering kept but outdated (so any copy of its data older than
     * now is outdated too); or a current rendering.
     */
    public enum Freshness { NONE, OUTDATED, CURRENT }

    /** The answer of {@link #lookUp}: {@code page} is set when {@code freshness} is CURRENT. */
    public record Lookup(Freshness freshness, KeptPage page) {

        static final Lookup NONE = new Lookup(Freshness.NONE, null);
        static final Lookup OUTDATED = new Lookup(Freshness.OUTDATED, null);

        public Optional<KeptPage> current() {
            return Optional.ofNullable(page);
        }
    }

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    TicketOffers tickets;

    Clock clock = Clock.systemUTC();

    /** The bound account's public content version (0 before its first change since V37). */
    public long contentVersion() {
        Object version = em.createNativeQuery(
                "select coalesce((select version from public_content_versions), 0)").getSingleResult();
        return ((Number) version).longValue();
    }

    /** The kept rendering of the bound account's event page {@code slug} for {@code variant}, if current. */
    public Optional<KeptPage> current(String slug, String variant) {
        return lookUp(slug, variant).current();
    }

    /**
     * What is kept of the bound account's event page {@code slug} for {@code variant}: one indexed read (the HTML
     * only when the rendering's content version and time still hold), then the stock count when they do.
     */
    public Lookup lookUp(String slug, String variant) {
        List<?> rows = em.createNativeQuery("""
                        select r.event_id, r.availability, r.etag, r.no_index,
                               case when r.content_version = coalesce((select v.version from public_content_versions v), 0)
                                     and (r.valid_until is null or r.valid_until > now()) then r.html_gzip end
                        from public_page_renderings r
                        where r.slug = ?1 and r.variant = ?2""")
                .setParameter(1, slug).setParameter(2, variant).getResultList();
        if (rows.isEmpty()) {
            return Lookup.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        UUID eventId = (UUID) row[0];
        if (row[4] == null || !PublicAvailability.unchanged((String) row[1], tickets.remaining(eventId))) {
            return Lookup.OUTDATED;
        }
        return new Lookup(Freshness.CURRENT,
                new KeptPage(eventId, (String) row[2], (Boolean) row[3], (byte[]) row[4]));
    }

    /**
     * Keeps the rendering {@code htmlGzip} (UTF-8 HTML, gzipped) of the page built from {@code details}, unless a
     * rendering of newer content is kept already. {@code readAt} is when the details were read (their sales states hold until the next
     * window opens or closes).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void keep(String variant, PublicEventDetails details, Instant readAt, String etag, byte[] htmlGzip) {
        Instant validUntil = changesBy(details, readAt);
        em.createNativeQuery("""
                        insert into public_page_renderings as r (account_id, event_id, slug, variant, content_version,
                               valid_until, availability, etag, no_index, html_gzip)
                        values (cast(?1 as uuid), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict (account_id, slug, variant) do update set event_id = excluded.event_id,
                            content_version = excluded.content_version, valid_until = excluded.valid_until,
                            availability = excluded.availability, etag = excluded.etag, no_index = excluded.no_index,
                            html_gzip = excluded.html_gzip, rendered_at = now()
                        where r.content_version <= excluded.content_version""")
                .setParameter(1, CurrentTenant.require().toString())
                .setParameter(2, details.event().id())
                .setParameter(3, details.event().slug())
                .setParameter(4, variant)
                .setParameter(5, details.contentVersion())
                .setParameter(6, validUntil == null ? null : validUntil.atOffset(ZoneOffset.UTC))
                .setParameter(7, PublicAvailability.of(details.offers()))
                .setParameter(8, etag)
                .setParameter(9, details.event().unlisted())
                .setParameter(10, htmlGzip)
                .executeUpdate();
    }

    /**
     * When a page built from {@code details} read at {@code readAt} changes by itself: the first sales window of its
     * ticket types to open or close after it, or the event's end; null when none is ahead.
     */
    static Instant changesBy(PublicEventDetails details, Instant readAt) {
        Instant first = null;
        for (TicketOffer offer : details.offers()) {
            first = earliestAfter(first, offer.salesStart(), readAt);
            first = earliestAfter(first, offer.salesEnd(), readAt);
        }
        return earliestAfter(first, details.event().endsAt(), readAt);
    }

    private static Instant earliestAfter(Instant current, Instant candidate, Instant after) {
        if (candidate == null || !candidate.isAfter(after)) {
            return current;
        }
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
