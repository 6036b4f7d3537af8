package io.eventos.event.service;

import io.eventos.platform.text.PrefixQuery;
import io.eventos.event.domain.Event;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finding the bound account's events as the signed-in member may see them (a member limited to some events sees only
 * those): the dashboard's upcoming ones, the events list (filtered, sorted and paged in SQL), one event's card.
 */
@Stateless
@TenantBound
public class EventSearch {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    Authorizer authorizer;
    @Inject
    EventTicketTypes tickets;

    Clock clock = Clock.systemUTC();

    /** Events that have not ended yet and are not cancelled, soonest first. */
    @RequiresPermission(Permission.VIEW)
    public List<EventCard> upcoming(int limit) {
        return visible("e.endsAt > :now and e.status <> :cancelled", limit).setParameter("now", clock.instant())
                .setParameter("cancelled", io.eventos.event.domain.EventStatus.CANCELLED)
                .getResultStream().map(EventCard::of).toList();
    }

    /** All events the member may see, soonest first. */
    @RequiresPermission(Permission.VIEW)
    public List<EventCard> list() {
        return visible("1 = 1", 500).getResultStream().map(EventCard::of).toList();
    }

    @RequiresPermission(Permission.VIEW)
    public long count() {
        Optional<Set<UUID>> scope = authorizer.eventScope();
        if (scope.isPresent()) {
            return scope.get().isEmpty() ? 0 : em.createQuery("select count(e) from Event e where e.id in :scope",
                    Long.class).setParameter("scope", scope.get()).getSingleResult();
        }
        return em.createQuery("select count(e) from Event e", Long.class).getSingleResult();
    }

    @RequiresPermission(Permission.VIEW)
    public Optional<EventCard> find(@EventRef UUID id) {
        return Optional.ofNullable(em.find(Event.class, id)).map(EventCard::of);
    }

    // ------------------------------------------------------------------------------------------ the events list

    /** One page of the events list, filtered and sorted in SQL; tickets sold counted for that page only. */
    @RequiresPermission(Permission.VIEW)
    public List<EventRow> page(EventQuery query, int first, int pageSize) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        String order = switch (query.sort() == null ? "" : query.sort()) {
            case "name" -> "lower(e.name)";
            case "status" -> "e.status";
            case "venue" -> "lower(v.name)";
            default -> "e.starts_at";
        } + (query.ascending() ? " asc" : " desc") + " nulls last, e.starts_at, e.id";
        Query sql = em.createNativeQuery("""
                select e.id, e.slug, e.name, e.starts_at, e.ends_at, e.time_zone, v.name, e.status, e.visibility,
                       e.capacity
                from events e left join venues v on v.account_id = e.account_id and v.id = e.venue_id
                """ + where + " order by " + order + " limit " + Math.max(1, Math.min(pageSize, 200))
                + " offset " + Math.max(0, first));
        bind(sql, params);
        List<?> rows = sql.getResultList();
        List<Object[]> found = rows.stream().map(r -> (Object[]) r).toList();
        Map<UUID, Long> sold = tickets.soldByEvent(found.stream().map(r -> (UUID) r[0]).toList());
        return found.stream().map(r -> new EventRow((UUID) r[0], (String) r[1], (String) r[2], instant(r[3]),
                instant(r[4]), ZoneId.of((String) r[5]), (String) r[6], (String) r[7], (String) r[8],
                r[9] == null ? null : ((Number) r[9]).intValue(), sold.getOrDefault((UUID) r[0], 0L))).toList();
    }

    /** How many events match the list's filters. */
    @RequiresPermission(Permission.VIEW)
    public long count(EventQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        Query sql = em.createNativeQuery("select count(*) from events e " + where);
        bind(sql, params);
        return ((Number) sql.getSingleResult()).longValue();
    }

    /**
     * The WHERE clause of the list: the member's event scope, status, venue, days in each event's zone (with a
     * coarse UTC range first so the (account_id, starts_at) index helps) and full-text search on the generated
     * {@code search} column (GIN index), each word a prefix.
     */
    private String where(EventQuery query, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        Optional<Set<UUID>> scope = authorizer.eventScope();
        if (scope.isPresent()) {
            params.add("{" + scope.get().stream().map(UUID::toString).collect(Collectors.joining(",")) + "}");
            conditions.add("e.id = any(cast(?" + params.size() + " as uuid[]))");
        }
        if (query.status() != null && !query.status().isBlank()) {
            params.add(query.status().trim().toLowerCase(Locale.ROOT));
            conditions.add("e.status = ?" + params.size());
        }
        if (query.venueId() != null) {
            params.add(query.venueId());
            conditions.add("e.venue_id = ?" + params.size());
        }
        if (query.from() != null) {
            params.add(query.from().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
            conditions.add("e.starts_at >= cast(?" + params.size() + " as timestamptz)");
            params.add(query.from().toString());
            conditions.add("cast(e.starts_at at time zone e.time_zone as date) >= cast(?" + params.size() + " as date)");
        }
        if (query.to() != null) {
            params.add(query.to().plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
            conditions.add("e.starts_at < cast(?" + params.size() + " as timestamptz)");
            params.add(query.to().toString());
            conditions.add("cast(e.starts_at at time zone e.time_zone as date) <= cast(?" + params.size() + " as date)");
        }
        String tsquery = prefixQuery(query.text());
        if (tsquery != null) {
            params.add(tsquery);
            conditions.add("e.search @@ to_tsquery('simple', ?" + params.size() + ")");
        }
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }

    /** "jazz riv" → {@code jazz:* & riv:*} ({@link PrefixQuery}); null when there is nothing to search for. */
    static String prefixQuery(String text) {
        return PrefixQuery.of(text);
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }

    /** Events matching {@code condition}, limited to the member's events if they are limited to some. */
    private TypedQuery<Event> visible(String condition, int limit) {
        Optional<Set<UUID>> scope = authorizer.eventScope();
        TypedQuery<Event> query = em.createQuery("select e from Event e left join fetch e.venue where " + condition
                + (scope.isPresent() ? " and e.id in :scope" : "") + " order by e.startsAt", Event.class)
                .setMaxResults(limit);
        if (scope.isPresent()) {
            query.setParameter("scope", scope.get().isEmpty() ? Set.of(new UUID(0, 0)) : scope.get());
        }
        return query;
    }
}
