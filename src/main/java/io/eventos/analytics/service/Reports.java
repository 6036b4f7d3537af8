package io.eventos.analytics.service;

import io.eventos.platform.text.MoneyText;
import io.eventos.platform.text.Table;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.eventos.analytics.service.Dashboards.instant;
import static io.eventos.analytics.service.Dashboards.localDate;
import static io.eventos.analytics.service.Dashboards.num;
import static io.eventos.analytics.service.Dashboards.rows;

/**
 * The reports of a period (days of the account's time zone), optionally of one event: figures read from the rollups
 * (revenue by day, by day and ticket type, by event; check-ins), shown on {@code /app/reports.xhtml} and exported
 * as the same rows; and the lists behind them, orders and attendees of the orders placed in the period, exported
 * only (personal data: DATA_EXPORT). A member limited to some events gets those events only.
 */
@Stateless
@TenantBound
public class Reports {

    /** Rows at most in one list export. */
    public static final int MAX_ROWS = 200_000;

    /** The reports there are, by the name in their file's address. */
    public enum Kind {
        REVENUE("revenue", "Revenue by day"),
        TICKET_TYPES("ticket-types", "Revenue by day and ticket type"),
        EVENTS("events", "Revenue by event"),
        CHECKINS("checkins", "Check-ins"),
        ORDERS("orders", "Orders"),
        ATTENDEES("attendees", "Attendees");

        public final String file;
        public final String title;

        Kind(String file, String title) {
            this.file = file;
            this.title = title;
        }

        public static Optional<Kind> of(String file) {
            return Arrays.stream(values()).filter(k -> k.file.equals(file)).findFirst();
        }

        public boolean personal() {
            return this == ORDERS || this == ATTENDEES;
        }
    }

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    Authorizer authorizer;
    @Inject
    FiguresCache cache;

    /** A figures report for the page (VIEW). */
    @RequiresPermission(Permission.VIEW)
    public Table figures(Kind kind, Period period, @EventRef UUID event) {
        if (kind.personal()) {
            throw new IllegalArgumentException("A list, not figures: " + kind);
        }
        return table(kind, period, event);
    }

    /**
     * The reports page's four figures tables (VIEW: revenue by day, by day and ticket type, by event, check-ins), kept
     * until the next refresh of the rollups ({@link FiguresCache}): a request that finds them reads one statement.
     */
    @RequiresPermission(Permission.VIEW)
    public List<Table> page(Period period, @EventRef UUID event) {
        String scope = scope();
        Instant refreshed = Dashboards.refreshedAt(em);
        return cache.get(Arrays.asList("reports", CurrentTenant.require(), scope, period, event, refreshed), () -> {
            Filter f = new Filter(period, event, scope, zone());
            return List.of(revenue(f), ticketTypes(f), events(f), checkIns(f));
        });
    }

    /** Returns if the signed-in member may export files (DATA_EXPORT), else throws AccessDeniedException. */
    @RequiresPermission(Permission.DATA_EXPORT)
    public void mayExport() {
        // the permission interceptor decided
    }

    /** Any report as a file (DATA_EXPORT). */
    @RequiresPermission(Permission.DATA_EXPORT)
    public Table export(Kind kind, Period period, @EventRef UUID event) {
        return table(kind, period, event);
    }

    private ZoneId zone() {
        return ZoneId.of((String) em.createNativeQuery(
                        "select default_time_zone from accounts where id = cast(?1 as uuid)")
                .setParameter(1, CurrentTenant.require().toString()).getSingleResult());
    }

    private Table table(Kind kind, Period period, UUID event) {
        Filter f = new Filter(period, event, scope(), zone());
        return switch (kind) {
            case REVENUE -> revenue(f);
            case TICKET_TYPES -> ticketTypes(f);
            case EVENTS -> events(f);
            case CHECKINS -> checkIns(f);
            case ORDERS -> orders(f);
            case ATTENDEES -> attendees(f);
        };
    }

    private record Filter(Period period, UUID event, String scope, ZoneId zone) {

        Timestamp start() {
            return Timestamp.from(period.from().atStartOfDay(zone).toInstant());
        }

        Timestamp end() {
            return Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant());
        }

        /** Binds ?1 from, ?2 to, ?3 event, ?4 scope. */
        Query bind(Query query, boolean instants) {
            return query.setParameter(1, instants ? start() : period.from())
                    .setParameter(2, instants ? end() : period.to())
                    .setParameter(3, event == null ? null : event.toString())
                    .setParameter(4, scope);
        }
    }

    private static final String EVENT_FILTER = " and (cast(?3 as text) is null or %1$s = cast(?3 as uuid))"
            + " and (cast(?4 as text) is null or %1$s = any(cast(?4 as uuid[])))";

    private Table revenue(Filter f) {
        return new Table("Revenue by day", List.of("day", "currency", "orders paid", "tickets sold", "revenue",
                "discounts", "refunds", "refunded", "checkouts started"),
                map(f.bind(em.createNativeQuery("""
                        select day, currency, sum(orders_paid), sum(tickets_sold), sum(revenue_minor),
                               sum(discount_minor), sum(refunds), sum(refunds_minor), sum(checkouts)
                        from sales_daily where ticket_id is null and day between ?1 and ?2"""
                        + EVENT_FILTER.formatted("event_id") + " group by 1, 2 order by 1, 2"), false), r -> {
                    String c = ((String) r[1]).strip();
                    return List.of(localDate(r[0]), c, num(r[2]), num(r[3]), MoneyText.decimal(num(r[4]), c),
                            MoneyText.decimal(num(r[5]), c), num(r[6]), MoneyText.decimal(num(r[7]), c), num(r[8]));
                }));
    }

    private Table ticketTypes(Filter f) {
        return new Table("By day and ticket type", List.of("day", "event", "ticket type", "currency", "tickets sold",
                "revenue", "discounts"),
                map(f.bind(em.createNativeQuery("""
                        select s.day, e.name, t.name, s.currency, sum(s.tickets_sold), sum(s.revenue_minor),
                               sum(s.discount_minor)
                        from sales_daily s join events e on e.id = s.event_id join tickets t on t.id = s.ticket_id
                        where s.ticket_id is not null and s.day between ?1 and ?2"""
                        + EVENT_FILTER.formatted("s.event_id") + " group by 1, 2, 3, 4 order by 1, 2, 3"), false), r -> {
                    String c = ((String) r[3]).strip();
                    return List.of(localDate(r[0]), r[1], r[2], c, num(r[4]), MoneyText.decimal(num(r[5]), c),
                            MoneyText.decimal(num(r[6]), c));
                }));
    }

    private Table events(Filter f) {
        return new Table("By event", List.of("event", "currency", "orders paid", "tickets sold", "revenue",
                "refunded", "event id"),
                map(f.bind(em.createNativeQuery("""
                        select e.name, s.currency, sum(s.orders_paid), sum(s.tickets_sold), sum(s.revenue_minor),
                               sum(s.refunds_minor), e.id
                        from sales_daily s join events e on e.id = s.event_id
                        where s.ticket_id is null and s.day between ?1 and ?2"""
                        + EVENT_FILTER.formatted("s.event_id") + " group by e.id, 1, 2 order by 5 desc, 1"), false),
                        r -> {
                            String c = ((String) r[1]).strip();
                            return List.of(r[0], c, num(r[2]), num(r[3]), MoneyText.decimal(num(r[4]), c),
                                    MoneyText.decimal(num(r[5]), c), r[6].toString());
                        }));
    }

    private Table checkIns(Filter f) {
        return new Table("Check-ins", List.of("event", "starts", "tickets sold", "checked in", "entries", "rate %"),
                map(f.bind(em.createNativeQuery("""
                        select e.name, e.starts_at, e.time_zone,
                               coalesce((select sum(t.sold_count) from tickets t where t.event_id = e.id), 0),
                               coalesce((select sum(c.admitted) from checkin_rollup c where c.event_id = e.id), 0),
                               coalesce((select sum(c.entries) from checkin_rollup c where c.event_id = e.id), 0)
                        from events e
                        where e.status <> 'cancelled' and e.starts_at >= ?1 and e.starts_at < ?2"""
                        + EVENT_FILTER.formatted("e.id") + " order by e.starts_at, e.name"), true), r -> {
                    long sold = num(r[3]);
                    long admitted = num(r[4]);
                    return List.of(r[0], instant(r[1]).atZone(ZoneId.of((String) r[2])).toLocalDate(), sold,
                            admitted, num(r[5]), sold == 0 ? 0L : Math.round(admitted * 100.0 / sold));
                }));
    }

    private Table orders(Filter f) {
        return new Table("Orders", List.of("order", "event", "placed at (UTC)", "paid at (UTC)", "buyer", "email",
                "status", "tickets", "subtotal", "discount", "total", "refunded", "currency", "payment"),
                map(f.bind(em.createNativeQuery("""
                        select o.code, e.name, o.placed_at, o.paid_at, o.buyer_name, o.buyer_email, o.status,
                               (select coalesce(sum(l.quantity), 0) from order_lines l where l.order_id = o.id),
                               o.subtotal_minor, o.discount_minor, o.total_minor, o.refunded_minor, o.currency,
                               o.payment_provider
                        from orders o join events e on e.id = o.event_id
                        where o.created_at >= ?1 and o.created_at < ?2"""
                        + EVENT_FILTER.formatted("o.event_id") + " order by o.created_at limit " + MAX_ROWS), true),
                        r -> {
                            String c = ((String) r[12]).strip();
                            return Arrays.asList(r[0], r[1], utc(r[2]), utc(r[3]), r[4], r[5], r[6], num(r[7]),
                                    MoneyText.decimal(num(r[8]), c), MoneyText.decimal(num(r[9]), c),
                                    MoneyText.decimal(num(r[10]), c), MoneyText.decimal(num(r[11]), c), c, r[13]);
                        }));
    }

    private Table attendees(Filter f) {
        return new Table("Attendees", List.of("order", "event", "ticket type", "first name", "last name", "email",
                "status", "order status", "first checked in (UTC)"),
                map(f.bind(em.createNativeQuery("""
                        select o.code, e.name, t.name, a.first_name, a.last_name, a.email, a.status, o.status,
                               (select min(c.created_at) from check_ins c
                                where c.attendee_id = a.id and c.direction = 'in' and c.undone_at is null)
                        from orders o join attendees a on a.order_id = o.id join events e on e.id = o.event_id
                             join tickets t on t.id = a.ticket_id
                        where o.created_at >= ?1 and o.created_at < ?2"""
                        + EVENT_FILTER.formatted("o.event_id")
                        + " order by o.created_at, a.last_name, a.first_name limit " + MAX_ROWS), true),
                        r -> Arrays.asList(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], utc(r[8]))));
    }

    private static String utc(Object value) {
        Instant at = value == null ? null : instant(value);
        return at == null ? null : at.toString();
    }

    private static List<List<Object>> map(Query query, Function<Object[], List<Object>> row) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : rows(query)) {
            out.add(row.apply(r));
        }
        return out;
    }

    private String scope() {
        return Dashboards.scopeArray(authorizer);
    }

    /** The account's time zone and today in it (the page's default period). */
    @RequiresPermission(Permission.VIEW)
    public LocalDate today() {
        return LocalDate.now(zone());
    }
}
