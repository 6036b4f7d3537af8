package io.eventos.analytics.service;

import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dashboards' figures, read from the rollups ({@code sales_daily}, {@code checkin_rollup}; refreshed by
 * {@link Rollups}) and the daily page-view counters ({@code analytics}, granularity day), never from raw orders.
 * A member limited to some events sees the figures of those events only. Row level security keeps every query in
 * the bound account.
 */
@Stateless
@TenantBound
public class Dashboards {

    private static final UUID NONE = new UUID(0, 0);

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    Authorizer authorizer;
    @Inject
    FiguresCache cache;

    Clock clock = Clock.systemUTC();

    /** The account's time zone (days of periods are its days). */
    @RequiresPermission(Permission.VIEW)
    public ZoneId zone() {
        return ZoneId.of((String) em.createNativeQuery("select default_time_zone from accounts where id = cast(?1 as uuid)")
                .setParameter(1, CurrentTenant.require().toString()).getSingleResult());
    }

    /** Today in the account's time zone. */
    @RequiresPermission(Permission.VIEW)
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    /**
     * The account dashboard of a period: the figures read from the rollups kept until the next refresh
     * ({@link FiguresCache}: a request that finds them reads two statements, the refresh time and the upcoming
     * events), the upcoming events read live.
     */
    @RequiresPermission(Permission.VIEW)
    public AccountDashboard account(Period period) {
        String scope = scopeArray();
        Instant refreshed = refreshedAt();
        AccountDashboard figures = cache.get(Arrays.asList("account", CurrentTenant.require(), scope, period, refreshed),
                () -> accountFigures(period, scope, refreshed));
        return figures.withUpcoming(upcoming(em, scope, clock.instant()));
    }

    private AccountDashboard accountFigures(Period period, String scope, Instant refreshed) {
        Object[] account = (Object[]) em.createNativeQuery(
                        "select default_time_zone, default_currency from accounts where id = cast(?1 as uuid)")
                .setParameter(1, CurrentTenant.require().toString()).getSingleResult();
        ZoneId zone = ZoneId.of((String) account[0]);
        Period before = period.previous();

        Totals totals = totals(em, period, scope);
        List<CurrencyFigures> money = new ArrayList<>(totals.money());
        // the main currency: the account's, unless another one earned more in the period
        String currency = ((String) account[1]).strip();
        long best = -1;
        for (CurrencyFigures m : money) {
            if (m.revenue().now() > best) {
                best = m.revenue().now();
                currency = m.currency();
            }
        }
        money.sort((a, b) -> Long.compare(b.revenue().now(), a.revenue().now()));

        Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            perDay.put(d, new long[2]);
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select day, sum(tickets_sold), sum(revenue_minor) filter (where currency = ?4)
                from sales_daily
                where ticket_id is null and day between ?1 and ?2 and (cast(?3 as text) is null or event_id = any(cast(?3 as uuid[])))
                group by day""")
                .setParameter(1, period.from()).setParameter(2, period.to()).setParameter(3, scope)
                .setParameter(4, currency))) {
            long[] d = perDay.get(localDate(r[0]));
            if (d != null) {
                d[0] = num(r[1]);
                d[1] = num(r[2]);
            }
        }
        List<AccountDashboard.Day> days = perDay.entrySet().stream()
                .map(e -> new AccountDashboard.Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();

        // the top ones summed first, their names joined after
        List<AccountDashboard.Slice> byEvent = rows(em.createNativeQuery("""
                select x.event_id, e.name, x.tickets, x.revenue
                from (select event_id, sum(tickets_sold) as tickets, sum(revenue_minor) as revenue
                      from sales_daily
                      where ticket_id is null and currency = ?3 and day between ?1 and ?2
                        and (cast(?4 as text) is null or event_id = any(cast(?4 as uuid[])))
                      group by 1 having sum(tickets_sold) > 0 or sum(revenue_minor) > 0
                      order by 3 desc, 2 desc limit 8) x
                join events e on e.id = x.event_id
                order by 4 desc, 3 desc, 2""")
                .setParameter(1, period.from()).setParameter(2, period.to()).setParameter(3, currency)
                .setParameter(4, scope)).stream()
                .map(r -> new AccountDashboard.Slice(uuid(r[0]), uuid(r[0]), (String) r[1], num(r[2]), num(r[3])))
                .toList();
        List<AccountDashboard.Slice> byTicketType = rows(em.createNativeQuery("""
                select x.ticket_id, x.event_id, t.name || ' (' || e.name || ')', x.tickets, x.revenue
                from (select ticket_id, event_id, sum(tickets_sold) as tickets, sum(revenue_minor) as revenue
                      from sales_daily
                      where ticket_id is not null and currency = ?3 and day between ?1 and ?2
                        and (cast(?4 as text) is null or event_id = any(cast(?4 as uuid[])))
                      group by 1, 2 order by 4 desc, 3 desc limit 10) x
                join tickets t on t.id = x.ticket_id join events e on e.id = x.event_id
                order by 5 desc, 4 desc, 3""")
                .setParameter(1, period.from()).setParameter(2, period.to()).setParameter(3, currency)
                .setParameter(4, scope)).stream()
                .map(r -> new AccountDashboard.Slice(uuid(r[0]), uuid(r[1]), (String) r[2], num(r[3]), num(r[4])))
                .toList();

        // event page views: the counters are per UTC day, so a period counts the UTC days of its dates
        long[] views = new long[2];
        for (Object[] r : rows(em.createNativeQuery("""
                select bucket_start >= ?1, sum(count) from analytics
                where granularity = 'day' and metric = 'page_view' and event_id is not null
                  and bucket_start >= ?2 and bucket_start < ?3
                  and (cast(?4 as text) is null or event_id = any(cast(?4 as uuid[])))
                group by 1""")
                .setParameter(1, utcDay(period.from())).setParameter(2, utcDay(before.from()))
                .setParameter(3, utcDay(period.to().plusDays(1))).setParameter(4, scope))) {
            views[Boolean.TRUE.equals(r[0]) ? 0 : 1] = num(r[1]);
        }

        // check-in rate: tickets admitted of the valid tickets of events (not cancelled) that started in the period
        Object[] rate = (Object[]) em.createNativeQuery("""
                select coalesce(sum((select sum(t.sold_count) from tickets t where t.event_id = e.id)), 0),
                       coalesce(sum((select sum(c.admitted) from checkin_rollup c where c.event_id = e.id)), 0)
                from events e
                where e.status <> 'cancelled' and e.starts_at >= ?1 and e.starts_at < least(?2, now())
                  and (cast(?3 as text) is null or e.id = any(cast(?3 as uuid[])))""")
                .setParameter(1, Timestamp.from(period.from().atStartOfDay(zone).toInstant()))
                .setParameter(2, Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .setParameter(3, scope).getSingleResult();

        return new AccountDashboard(period, zone, currency, money, totals.orders(), totals.tickets(),
                new Change(views[0], views[1]), totals.checkouts(), num(rate[1]), num(rate[0]), days, byEvent,
                byTicketType, List.of(), refreshed);
    }

    /** Money per currency, orders, tickets and checkouts started in a period, each with the period before. */
    record Totals(List<CurrencyFigures> money, Change orders, Change tickets, Change checkouts) {
    }

    /**
     * The totals of a period and the one before from {@code sales_daily} (the events' own rows), of the events in
     * {@code scope} (null: all); money only for currencies with something in either period.
     */
    static Totals totals(EntityManager em, Period period, String scope) {
        Period before = period.previous();
        // money, orders, tickets and checkouts per currency, this period and the one before
        Map<String, long[]> byCurrency = new TreeMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select currency, day >= ?1, sum(orders_paid), sum(tickets_sold), sum(revenue_minor), sum(refunds_minor),
                       sum(checkouts)
                from sales_daily
                where ticket_id is null and day between ?2 and ?3 and (cast(?4 as text) is null or event_id = any(cast(?4 as uuid[])))
                group by 1, 2""")
                .setParameter(1, period.from()).setParameter(2, before.from()).setParameter(3, period.to())
                .setParameter(4, scope))) {
            long[] f = byCurrency.computeIfAbsent(((String) r[0]).strip(), c -> new long[10]);
            int o = Boolean.TRUE.equals(r[1]) ? 0 : 5;
            for (int i = 0; i < 5; i++) {
                f[o + i] += num(r[2 + i]);
            }
        }
        List<CurrencyFigures> money = new ArrayList<>();
        long orders = 0, ordersBefore = 0, tickets = 0, ticketsBefore = 0, checkouts = 0, checkoutsBefore = 0;
        for (Map.Entry<String, long[]> e : byCurrency.entrySet()) {
            long[] f = e.getValue();
            orders += f[0];
            tickets += f[1];
            checkouts += f[4];
            ordersBefore += f[5];
            ticketsBefore += f[6];
            checkoutsBefore += f[9];
            if (f[0] + f[2] + f[3] + f[5] + f[7] + f[8] > 0) {
                money.add(new CurrencyFigures(e.getKey(), new Change(f[2], f[7]), new Change(f[3], f[8]),
                        new Change(f[0], f[5])));
            }
        }
        return new Totals(money, new Change(orders, ordersBefore), new Change(tickets, ticketsBefore),
                new Change(checkouts, checkoutsBefore));
    }

    /** Events not ended at {@code asOf} and not cancelled, soonest first, with their sales against capacity. */
    static List<AccountDashboard.Upcoming> upcoming(EntityManager em, String scope, Instant asOf) {
        return rows(em.createNativeQuery("""
                select e.id, e.name, e.starts_at, e.time_zone, e.status, e.slug,
                       coalesce((select sum(t.sold_count) from tickets t where t.event_id = e.id), 0),
                       coalesce(e.capacity, (select case when count(*) > 0 and bool_and(t.quantity is not null)
                                                         then sum(t.quantity) end
                                             from tickets t where t.event_id = e.id))
                from events e
                where e.ends_at > ?2 and e.status <> 'cancelled'
                  and (cast(?1 as text) is null or e.id = any(cast(?1 as uuid[])))
                order by e.starts_at limit 8""").setParameter(1, scope).setParameter(2, Timestamp.from(asOf))).stream()
                .map(r -> new AccountDashboard.Upcoming(uuid(r[0]), (String) r[5], (String) r[1], instant(r[2]),
                        ZoneId.of((String) r[3]), (String) r[4], num(r[6]), r[7] == null ? null : num(r[7])))
                .toList();
    }

    /**
     * One event's dashboard, kept until the next refresh of the rollups ({@link FiguresCache}; a request that finds
     * it reads one statement, the refresh time).
     */
    @RequiresPermission(Permission.VIEW)
    public EventDashboard event(@EventRef UUID eventId) {
        Instant refreshed = refreshedAt();
        return cache.get(Arrays.asList("event", CurrentTenant.require(), eventId, refreshed),
                () -> eventFigures(eventId, refreshed));
    }

    private EventDashboard eventFigures(UUID eventId, Instant refreshed) {
        List<Object[]> found = rows(em.createNativeQuery("""
                select e.id, e.name, e.slug, e.status, e.starts_at, e.ends_at, e.time_zone, e.currency,
                       coalesce(e.capacity, (select case when count(*) > 0 and bool_and(t.quantity is not null)
                                                         then sum(t.quantity) end
                                             from tickets t where t.event_id = e.id)),
                       coalesce((select sum(t.sold_count) from tickets t where t.event_id = e.id), 0),
                       a.default_time_zone
                from events e join accounts a on a.id = e.account_id
                where e.id = cast(?1 as uuid)""").setParameter(1, eventId.toString()));
        if (found.isEmpty()) {
            throw new AccessDeniedException("No such event.");
        }
        Object[] e = found.get(0);
        ZoneId accountZone = ZoneId.of((String) e[10]);

        Map<String, long[]> byCurrency = new TreeMap<>();
        Map<LocalDate, Long> perDay = new TreeMap<>();
        long orders = 0, tickets = 0, checkouts = 0;
        for (Object[] r : rows(em.createNativeQuery("""
                select day, currency, sum(orders_paid), sum(tickets_sold), sum(revenue_minor), sum(refunds_minor),
                       sum(checkouts)
                from sales_daily where event_id = cast(?1 as uuid) and ticket_id is null
                group by 1, 2 order by 1""").setParameter(1, eventId.toString()))) {
            long[] f = byCurrency.computeIfAbsent(((String) r[1]).strip(), c -> new long[3]);
            f[0] += num(r[2]);
            f[1] += num(r[4]);
            f[2] += num(r[5]);
            orders += num(r[2]);
            tickets += num(r[3]);
            checkouts += num(r[6]);
            perDay.merge(localDate(r[0]), num(r[3]), Long::sum);
        }
        List<CurrencyFigures> money = byCurrency.entrySet().stream()
                .map(c -> new CurrencyFigures(c.getKey(), new Change(c.getValue()[1], 0),
                        new Change(c.getValue()[2], 0), new Change(c.getValue()[0], 0)))
                .toList();
        List<AccountDashboard.Day> days = perDay.entrySet().stream()
                .map(d -> new AccountDashboard.Day(d.getKey(), d.getValue(), 0)).toList();

        List<EventDashboard.TicketType> types = rows(em.createNativeQuery("""
                select t.id, t.name, t.price_minor, t.currency, t.quantity, t.sold_count,
                       coalesce(sum(s.tickets_sold), 0), coalesce(sum(s.revenue_minor), 0)
                from tickets t left join sales_daily s on s.ticket_id = t.id and s.event_id = t.event_id
                where t.event_id = cast(?1 as uuid)
                group by t.id order by t.sort_order, t.name""").setParameter(1, eventId.toString())).stream()
                .map(r -> new EventDashboard.TicketType(uuid(r[0]), (String) r[1], num(r[2]), ((String) r[3]).strip(),
                        r[4] == null ? null : num(r[4]), num(r[5]), num(r[6]), num(r[7])))
                .toList();

        // promo codes: their use count, and the orders paid with each (index on orders' promo code)
        List<EventDashboard.Promo> promos = rows(em.createNativeQuery("""
                select p.id, p.code, p.kind, p.used_count, p.usage_limit,
                       count(o.id), coalesce(sum(o.discount_minor), 0)
                from promo_codes p left join orders o on o.promo_code_id = p.id and o.paid_at is not null
                where p.event_id = cast(?1 as uuid)
                group by p.id order by p.used_count desc, p.code""").setParameter(1, eventId.toString())).stream()
                .map(r -> new EventDashboard.Promo(uuid(r[0]), (String) r[1], (String) r[2], num(r[3]),
                        r[4] == null ? null : num(r[4]), num(r[5]), num(r[6]), ((String) e[7]).strip()))
                .toList();

        long pageViews = 0;
        Map<String, Long> referrers = new LinkedHashMap<>();
        Map<String, Long> campaigns = new LinkedHashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select coalesce(dimensions ->> 'referrer', ''), coalesce(dimensions ->> 'utm_source', ''),
                       coalesce(dimensions ->> 'utm_medium', ''), coalesce(dimensions ->> 'utm_campaign', ''),
                       sum(count)
                from analytics where granularity = 'day' and metric = 'page_view' and event_id = cast(?1 as uuid)
                group by 1, 2, 3, 4""").setParameter(1, eventId.toString()))) {
            long n = num(r[4]);
            pageViews += n;
            String referrer = (String) r[0];
            referrers.merge(referrer.isEmpty() ? "Direct or unknown" : referrer, n, Long::sum);
            String utm = utmLabel((String) r[1], (String) r[2], (String) r[3]);
            if (utm != null) {
                campaigns.merge(utm, n, Long::sum);
            }
        }

        List<EventDashboard.Quarter> quarters = new ArrayList<>();
        long admitted = 0;
        for (Object[] r : rows(em.createNativeQuery("""
                select bucket_start, admitted from checkin_rollup where event_id = cast(?1 as uuid)
                order by bucket_start""").setParameter(1, eventId.toString()))) {
            admitted += num(r[1]);
            quarters.add(new EventDashboard.Quarter(instant(r[0]), num(r[1]), admitted));
        }

        return new EventDashboard(eventId, (String) e[1], (String) e[2], (String) e[3], instant(e[4]), instant(e[5]),
                ZoneId.of((String) e[6]), accountZone, ((String) e[7]).strip(), e[8] == null ? null : num(e[8]),
                num(e[9]), money, orders, tickets, pageViews, checkouts, admitted, days, types, promos,
                top(referrers), top(campaigns), quarters, refreshed);
    }

    private static String utmLabel(String source, String medium, String campaign) {
        if (source.isEmpty() && medium.isEmpty() && campaign.isEmpty()) {
            return null;
        }
        return (source.isEmpty() ? "–" : source) + " / " + (medium.isEmpty() ? "–" : medium)
                + (campaign.isEmpty() ? "" : " / " + campaign);
    }

    private static List<EventDashboard.Source> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(c -> new EventDashboard.Source(c.getKey(), c.getValue())).toList();
    }

    /** When the bound account's rollups were last refreshed (null: never): part of every figures cache key. */
    Instant refreshedAt() {
        return refreshedAt(em);
    }

    static Instant refreshedAt(EntityManager em) {
        List<Object> rows = rowsOf(em.createNativeQuery("select refreshed_at from rollup_state"));
        return rows.isEmpty() ? null : instant(rows.get(0));
    }

    /** The member's events as a PostgreSQL array literal, or null when they see the whole account. */
    private String scopeArray() {
        return scopeArray(authorizer);
    }

    /** The member's events as a PostgreSQL array literal, or null when they see the whole account. */
    static String scopeArray(Authorizer authorizer) {
        Optional<Set<UUID>> scope = authorizer.eventScope();
        if (scope.isEmpty()) {
            return null;
        }
        Set<UUID> ids = scope.get().isEmpty() ? Set.of(NONE) : scope.get();
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    static Timestamp utcDay(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    @SuppressWarnings("unchecked")
    static List<Object> rowsOf(Query query) {
        return query.getResultList();
    }

    static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static Instant instant(Object value) {
        return RollupWriter.instant(value);
    }

    static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }
}
