package io.eventos.ticketing.service;

import io.eventos.account.service.AuditLog;
import io.eventos.event.service.EventFacts;
import io.eventos.platform.persistence.CountedPage;
import io.eventos.platform.persistence.ListTotal;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.Attendee;
import io.eventos.ticketing.domain.Order;
import io.eventos.ticketing.domain.OrderLine;
import io.eventos.ticketing.domain.OrderStatus;
import io.eventos.ticketing.domain.Payment;
import io.eventos.ticketing.domain.PaymentKind;
import io.eventos.ticketing.domain.PaymentStatus;
import io.eventos.ticketing.domain.RefundRequestOutcome;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organizer's orders: a list paged, sorted and filtered in SQL, the detail with history, and the actions of
 * each role — mark paid, cancel, refund (all or some tickets), rename attendees, internal note. Orders are never
 * deleted. Giving tickets back never needs the sales lock (it only makes room); taking them again does.
 */
@Stateless
@TenantBound
public class OrderService {

    /**
     * The orders list's sort orders, each followed by the id (ties); V35 has an index for each within an event, so a
     * page is the first rows of an index read from either end. Not the status: it is a filter. Sorting 200,000
     * orders by it read them all (230 ms, docs/benchmarks.md), and an index holding it would end the payment's HOT
     * update (V35).
     */
    private static final Map<String, List<String>> SORTABLE = Map.of(
            "placedAt", List.of("o.placed_at"), "code", List.of("o.code"), "buyerName", List.of("lower(o.buyer_name)"),
            "totalMinor", List.of("o.total_minor"));

    /**
     * The order's code, buyer and email as the trigram index of V35 holds them (the expression must match it; under row
     * level security the index is used only with lower, || and LIKE marked leakproof: db/superuser/leakproof.sql).
     */
    private static final String ORDER_TEXT = "lower(o.code || ' ' || o.buyer_name || ' ' || o.buyer_email)";
    /** The ticket holder's name and email in lower case, a stored column with its trigram index (V40). */
    private static final String ATTENDEE_TEXT = "a.search_text";
    /** The attendee list's columns, from the page's tickets ({@code a}) and {@link #ATTENDEE_JOINS}. */
    private static final String ATTENDEE_COLUMNS = """
            select a.id, a.order_id, o.code, t.name, a.first_name, a.last_name, a.email, a.code, a.status,
                   l.total_minor / l.quantity""";

    /** The page's tickets ({@code a}) joined with their order, ticket type and line. */
    private static final String ATTENDEE_JOINS = """

            join orders o on o.account_id = a.account_id and o.id = a.order_id
            join tickets t on t.account_id = a.account_id and t.id = a.ticket_id
            join order_lines l on l.account_id = a.account_id and l.id = a.order_line_id
            """;

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    EventFacts events;

    @Inject
    SalesTrail trail;

    @Inject
    Authorizer authorizer;

    @Inject
    OrderAccess access;

    @Inject
    OrderMails mails;

    @Inject
    OrderCancellation cancellation;

    Clock clock = Clock.systemUTC();

    @RequiresPermission(Permission.VIEW)
    public List<OrderRow> list(OrderFilter filter, int first, int pageSize, String sortField, boolean ascending) {
        return list(filter, new ListTotal(0, false), first, pageSize, sortField, ascending);
    }

    /**
     * One page of the orders list; {@code total} (from {@link #total}) lets a page near the end be read from the end
     * ({@link ListTotal#window}), so no page skips more than half the list.
     */
    @RequiresPermission(Permission.VIEW)
    public List<OrderRow> list(OrderFilter filter, ListTotal total, int first, int pageSize, String sortField,
                               boolean ascending) {
        Map<Integer, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        ListTotal.Window window = total.window(first, Math.max(1, pageSize));
        boolean up = ascending != window.reversed();
        List<String> keys = new ArrayList<>(SORTABLE.getOrDefault(String.valueOf(sortField), List.of("o.placed_at")));
        keys.add("o.id");
        String order = String.join(", ", keys.stream().map(k -> k + (up ? " asc" : " desc")).toList());
        Query query = em.createNativeQuery("""
                select o.id, o.event_id, o.code, o.buyer_name, o.buyer_email, o.status, o.total_minor,
                       o.refunded_minor, o.currency, (select coalesce(sum(l.quantity), 0) from order_lines l
                                                      where l.account_id = o.account_id and l.order_id = o.id),
                       o.payment_provider, o.placed_at, o.payment_deadline,
                       o.refund_requested_at is not null and o.refund_request_decided_at is null
                from orders o""" + " where " + where + " order by " + order + " limit " + window.limit()
                + " offset " + window.offset());
        parameters.forEach(query::setParameter);
        List<OrderRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new OrderRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], SqlValues.number(r[6]), SqlValues.number(r[7]), String.valueOf(r[8]).strip(), (int) SqlValues.number(r[9]),
                    (String) r[10], SqlValues.instant(r[11]), SqlValues.instant(r[12]), Boolean.TRUE.equals(r[13])));
        }
        if (window.reversed()) {
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    /** Exactly how many orders match (see {@link #total} for the list's own, bounded count). */
    @RequiresPermission(Permission.VIEW)
    public long count(OrderFilter filter) {
        Map<Integer, Object> parameters = new HashMap<>();
        Query query = em.createNativeQuery("select count(*) from orders o where " + where(filter, parameters));
        parameters.forEach(query::setParameter);
        return SqlValues.number(query.getSingleResult());
    }

    /** How many orders match: exact up to {@value ListTotal#EXACT_UP_TO}, the planner's estimate above. */
    @RequiresPermission(Permission.VIEW)
    public ListTotal total(OrderFilter filter) {
        Map<Integer, Object> parameters = new HashMap<>();
        String where = where(filter, parameters); // checks the permission for the event, too
        if (onlyTicketType(filter)) {
            // One ticket type of one event, nothing else: its orders are counted from its lines (the index of order
            // lines by ticket type and order holds them in order, so counting up to EXACT_UP_TO + 1 distinct orders
            // reads that many entries). Over orders, the planner could not know that the type's lines are all of this
            // event's orders (it expected 12,000 where there were 100,000) and counted by hashing all of the type's
            // lines first: 230 ms at 200,000 orders (docs/benchmarks.md). A ticket type is of one event, and an order's
            // lines are of its event's ticket types; a ticket type of another event counts nothing, as its list shows.
            Map<Integer, Object> ticket = Map.of(1, filter.eventId(), 3, filter.ticketId());
            return ListTotal.count(em, "from (select distinct l.order_id from order_lines l where l.ticket_id = ?3) d"
                    + " where exists (select 1 from tickets t where t.id = ?3 and t.event_id = ?1)", ticket);
        }
        return ListTotal.count(em, "from orders o where " + where, parameters);
    }

    /** The filter is one event's ticket type and nothing else. */
    private static boolean onlyTicketType(OrderFilter filter) {
        return filter.eventId() != null && filter.ticketId() != null
                && (filter.status() == null || filter.status().isBlank()) && filter.placedFrom() == null
                && filter.placedUntil() == null && (filter.text() == null || filter.text().isBlank());
    }

    private String where(OrderFilter filter, Map<Integer, Object> parameters) {
        List<String> clauses = new ArrayList<>();
        clauses.add("true");
        if (filter.eventId() != null) {
            authorizer.check(Permission.VIEW, filter.eventId());
            parameters.put(1, filter.eventId());
            clauses.add("o.event_id = ?1");
        } else {
            authorizer.eventScope().ifPresent(scope -> {
                clauses.add(scope.isEmpty() ? "false" : "o.event_id in (" + String.join(",",
                        scope.stream().map(id -> "'" + id + "'::uuid").toList()) + ")");
            });
        }
        if (OrderFilter.REFUND_REQUESTED.equals(filter.status())) {
            clauses.add("o.refund_requested_at is not null and o.refund_request_decided_at is null");
        } else if (filter.status() != null && !filter.status().isBlank()) {
            parameters.put(2, filter.status().toLowerCase(Locale.ROOT));
            clauses.add("o.status = ?2");
        }
        if (filter.ticketId() != null) {
            parameters.put(3, filter.ticketId());
            clauses.add("exists (select 1 from order_lines l where l.account_id = o.account_id and l.order_id = o.id "
                    + "and l.ticket_id = ?3)");
        }
        if (filter.placedFrom() != null) {
            parameters.put(4, filter.placedFrom().atOffset(ZoneOffset.UTC));
            clauses.add("o.placed_at >= ?4");
        }
        if (filter.placedUntil() != null) {
            parameters.put(5, filter.placedUntil().atOffset(ZoneOffset.UTC));
            clauses.add("o.placed_at < ?5");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            parameters.put(6, "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
            clauses.add(ORDER_TEXT + " like ?6"); // one trigram index (V35) for the three
        }
        return String.join(" and ", clauses);
    }

    /** The order with lines, tickets, payments and its history from the business record; 404 outside the scope. */
    @RequiresPermission(Permission.VIEW)
    public OrderDetail detail(UUID orderId) {
        Order order = order(orderId, Permission.VIEW);
        List<OrderDetail.Line> lines = order.getLines().stream().map(l -> new OrderDetail.Line(l.getTicket().getName(),
                l.getQuantity(), l.getUnitPriceMinor(), l.getDiscountMinor(), l.getTotalMinor())).toList();
        List<OrderDetail.PaymentRow> payments = em.createQuery(
                        "select p from Payment p where p.order = :order order by p.createdAt", Payment.class)
                .setParameter("order", order).getResultStream()
                .map(p -> new OrderDetail.PaymentRow(p.getProvider(), p.getKind().name().toLowerCase(Locale.ROOT),
                        p.getStatus().name().toLowerCase(Locale.ROOT), p.getAmountMinor(), p.getProviderRef(),
                        p.getFailureReason(), p.getCreatedAt())).toList();
        List<OrderDetail.HistoryEntry> history = new ArrayList<>();
        for (AuditLog.HistoryLine line : audit.history("order", orderId)) {
            String actor = line.actorEmail() != null ? line.actorEmail()
                    : OrderHistory.actor(line.action(), String.valueOf(line.actorKind()), line.after());
            history.add(new OrderDetail.HistoryEntry(line.occurredAt(), line.action(), actor,
                    OrderHistory.sentence(line.action(), line.before(), line.after(), order.getCurrency())));
        }
        EventFacts.Named event = events.named(order.getEventId()).orElseThrow(
                () -> new jakarta.persistence.NoResultException("No such event: " + order.getEventId()));
        return new OrderDetail(row(order), event.name(), event.timeZone(),
                order.getPromoCode() == null ? null : order.getPromoCode().getCode(), order.isMarketingConsent(),
                order.getMarketingConsentAt(), order.getInternalNote(), lines, attendeesOf(order), payments, history,
                order.getRefundRequestedAt() == null ? null : new OrderDetail.RefundRequest(
                        order.getRefundRequestedAt(), order.getRefundRequestNote(), order.getRefundRequestDecidedAt(),
                        order.getRefundRequestOutcome() == null ? null : label(order.getRefundRequestOutcome()),
                        order.getRefundRequestReply()));
    }

    /** The tickets issued for an event, for the attendee list and its export; text matches name, email or order. */
    @RequiresPermission(Permission.VIEW)
    public List<AttendeeRow> attendees(@EventRef UUID eventId, String text, int first, int pageSize) {
        return attendees(eventId, text, new ListTotal(0, false), first, pageSize);
    }

    /**
     * One page of the attendee list, by name; {@code total} (from {@link #attendeeTotal}) lets a page near the end be
     * read from the end. One statement with the order's code, the ticket type and the line's price joined.
     */
    @RequiresPermission(Permission.VIEW)
    public List<AttendeeRow> attendees(@EventRef UUID eventId, String text, ListTotal total, int first, int pageSize) {
        Map<Integer, Object> parameters = new HashMap<>();
        String where = attendeeCondition(eventId, text, parameters);
        ListTotal.Window window = total.window(first, Math.max(1, pageSize));
        String dir = window.reversed() ? " desc" : " asc";
        String order = attendeeOrder(dir);
        // The page's tickets are chosen first, from attendees alone, and only they are joined with their order, ticket
        // type and line. A search of three letters or more reads its matches through the trigram index and sorts
        // them ("offset 0" keeps the planner from walking the name index instead: the holders of one surname sit
        // together in name order, so "hoffmann" walked 170,000 names to reach them); shorter text has no trigram to
        // look up, and walking the name order until the page is full is then the cheaper way.
        String source = isTrigramSearch(text)
                ? "(select a.* from attendees a " + where + " offset 0) a"
                : "attendees a " + where;
        Query query = em.createNativeQuery(ATTENDEE_COLUMNS + " from (select a.* from " + source + order + " limit "
                + window.limit() + " offset " + window.offset() + ") a" + ATTENDEE_JOINS + order);
        parameters.forEach(query::setParameter);
        List<AttendeeRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(attendeeRow((Object[]) row));
        }
        if (window.reversed()) {
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    /**
     * The first page of an attendee search of three letters or more with its exact total, in one statement; null for
     * shorter text or when more than {@value ListTotal#EXACT_UP_TO} tickets match (then {@link #attendeeTotal} and
     * {@link #attendees} apart). Such a search reads all its matches to sort them by name anyway; counting them on the
     * way saves reading them a second time for the total (issue 18: "hoffmann", 8,000 of 400,000 tickets).
     */
    @RequiresPermission(Permission.VIEW)
    public CountedPage<AttendeeRow> attendeeSearch(@EventRef UUID eventId, String text, int pageSize) {
        if (!isTrigramSearch(text)) {
            return null;
        }
        Map<Integer, Object> parameters = new HashMap<>();
        String where = attendeeCondition(eventId, text, parameters);
        String order = attendeeOrder(" asc");
        // the limit keeps the planner from walking the name index (as "offset 0" does in attendees) and bounds what
        // the count holds; 10,001 matches mean "more than exact": the caller reads the total and page apart. The
        // matches carry only their id and names through the count and the sort, and the page's rows are read again
        // by id: whole rows made the count's buffer of 8,000 matches the costliest step after the reading (at scale
        // 24 → 19 ms a statement, docs/benchmarks.md, "Organizer lists at scale")
        Query query = em.createNativeQuery(ATTENDEE_COLUMNS + ", p.matches from (select a.id, a.last_name, "
                + "a.first_name, count(*) over () as matches from (select a.id, a.last_name, a.first_name from "
                + "attendees a " + where + " limit " + (ListTotal.EXACT_UP_TO + 1) + ") a" + order + " limit "
                + Math.max(1, pageSize) + ") p join attendees a on a.id = p.id" + ATTENDEE_JOINS + order);
        parameters.forEach(query::setParameter);
        List<AttendeeRow> rows = new ArrayList<>();
        long matches = 0;
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(attendeeRow(r));
            matches = SqlValues.number(r[10]);
        }
        return matches > ListTotal.EXACT_UP_TO ? null : new CountedPage<>(rows, new ListTotal(matches, false));
    }

    /** The attendee list's order, by name, each key {@code dir} (" asc" or " desc"). */
    private static String attendeeOrder(String dir) {
        return " order by lower(a.last_name)" + dir + ", lower(a.first_name)" + dir + ", a.id" + dir;
    }

    /** Three letters or more: a search the trigram index serves, whose matches are read and sorted (see attendees). */
    private static boolean isTrigramSearch(String text) {
        return text != null && text.strip().length() >= 3;
    }

    private static AttendeeRow attendeeRow(Object[] r) {
        return new AttendeeRow(SqlValues.uuid(r[0]), SqlValues.uuid(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], SqlValues.number(r[9]));
    }

    /** Number of tickets issued for an event that match the text, exactly (see {@link #attendees}). */
    @RequiresPermission(Permission.VIEW)
    public long countAttendees(@EventRef UUID eventId, String text) {
        Map<Integer, Object> parameters = new HashMap<>();
        Query query = em.createNativeQuery("select count(*) from attendees a "
                + attendeeCondition(eventId, text, parameters));
        parameters.forEach(query::setParameter);
        return SqlValues.number(query.getSingleResult());
    }

    /** The attendee list's total: exact up to {@value ListTotal#EXACT_UP_TO}, the planner's estimate above. */
    @RequiresPermission(Permission.VIEW)
    public ListTotal attendeeTotal(@EventRef UUID eventId, String text) {
        Map<Integer, Object> parameters = new HashMap<>();
        return ListTotal.count(em, "from attendees a " + attendeeCondition(eventId, text, parameters), parameters);
    }

    /**
     * The attendee list's condition: the event, and the text only when there is one — in the holder's name or email
     * (a trigram index, V40) or in the order's code (its own trigram index, V43, finds the orders first).
     */
    static String attendeeCondition(UUID eventId, String text, Map<Integer, Object> parameters) {
        parameters.put(1, eventId);
        String like = likePattern(text);
        if (like == null) {
            return "where a.event_id = ?1";
        }
        parameters.put(2, like);
        // "= any(array(...))": the matching orders' ids become one value, so both halves are index conditions of one
        // bitmap scan (an "in (select ...)" beside the LIKE made PostgreSQL read every ticket of the event: 2.9 s)
        // (the order's code has a trigram index of its own, V43: a name finds no code without reading an order)
        return "where a.event_id = ?1 and (" + ATTENDEE_TEXT + " like ?2 or a.order_id = any(array(select o.id from "
                + "orders o where o.event_id = ?1 and lower(o.code) like ?2)))";
    }

    /** {@code %text%} in lower case with LIKE's own characters taken literally, or null for no text. */
    private static String likePattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    /**
     * The event's orders or tickets as CSV for a spreadsheet. Cells that a spreadsheet would run as a formula
     * (starting with = + - @) are prefixed with an apostrophe.
     */
    @RequiresPermission(Permission.DATA_EXPORT)
    public String exportCsv(@EventRef UUID eventId, boolean tickets) {
        // another account's event is hidden by row level security: not found, like its pages (not an empty file)
        if (events.named(eventId).isEmpty()) {
            throw new AccessDeniedException("No such event.");
        }
        StringBuilder csv = new StringBuilder();
        if (tickets) {
            csv.append("order,ticket type,first name,last name,email,ticket code,status\r\n");
            for (AttendeeRow a : attendees(eventId, null, 0, 100_000)) {
                Csv.row(csv, a.orderCode(), a.ticketName(), a.firstName(), a.lastName(), a.email(), a.code(),
                        a.status());
            }
        } else {
            csv.append("order,placed at (UTC),buyer,email,status,tickets,total,refunded,currency,payment\r\n");
            for (OrderRow o : list(OrderFilter.forEvent(eventId), 0, 100_000, "placedAt", true)) {
                Csv.row(csv, o.code(), o.placedAt().toString(), o.buyerName(), o.buyerEmail(), o.status(),
                        String.valueOf(o.tickets()), Csv.amount(o.totalMinor(), o.currency()),
                        Csv.amount(o.refundedMinor(), o.currency()), o.currency(), o.paymentProvider());
            }
        }
        return csv.toString();
    }

    /** An offline (or otherwise pending) order's money arrived. If its deadline passed, its tickets must still be free. */
    @RequiresPermission(Permission.ORDERS_MANAGE)
    public void markPaid(UUID orderId, String baseUrl) {
        // the order's row first, the payment, its records and the buyer's contact next, then the sales lock: the
        // order in which a buyer's payment takes them, so the two can never wait for each other in a circle
        Order order = locked(orderId, Permission.ORDERS_MANAGE);
        if (order.getStatus() != OrderStatus.PENDING && order.getStatus() != OrderStatus.EXPIRED) {
            throw new TicketingException(null, "Only an order waiting for payment can be marked paid; this one is "
                    + label(order.getStatus()) + ".");
        }
        Instant now = clock.instant();
        String provider = order.getPaymentProvider() == null ? "offline" : order.getPaymentProvider();
        Payment payment = new Payment(order, provider, PaymentKind.CHARGE, order.getTotalMinor(), order.getCurrency());
        payment.setStatus(PaymentStatus.SUCCEEDED);
        em.persist(payment);
        String before = label(order.getStatus());
        List<Attendee> valid = cancellation.validAttendees(order); // the order's row is locked: they stay as they are
        UUID contact = trail.orderPaid(order, valid.size(), Map.of("status", before),
                Map.of("status", "paid", "marked_by_organizer", true), now, null);
        em.flush();

        SalesLock.lockEvent(em, order.getEventId());
        boolean lapsed = order.getStatus() == OrderStatus.EXPIRED
                || (order.getPaymentDeadline() != null && !clock.instant().isBefore(order.getPaymentDeadline()));
        if (lapsed) {
            // its tickets went back on sale at the deadline: take them again only if they are still there
            Stock stock = Inventory.of(em, order.getEventId(), now);
            Map<UUID, Integer> wanted = new HashMap<>();
            valid.forEach(a -> wanted.merge(a.getTicket().getId(), 1, Integer::sum));
            if (!stock.hasRoomFor(wanted)) {
                throw new TicketingException(null, "The payment deadline passed and these tickets were sold to "
                        + "others in the meantime; refund the money or ask the buyer to order again.");
            }
        }
        order.setStatus(OrderStatus.PAID);
        order.setPaidAt(now);
        order.setPaymentDeadline(null);
        order.setBuyerContactId(contact);
        em.flush();
        sendConfirmation(order, baseUrl);
    }

    /** Mails the confirmation with the tickets (or, for an unpaid transfer, the payment instructions) again. */
    @RequiresPermission(Permission.ORDERS_MANAGE)
    public void resendConfirmation(UUID orderId, String baseUrl) {
        Order order = order(orderId, Permission.ORDERS_MANAGE);
        if (order.getStatus() != OrderStatus.PAID && order.getStatus() != OrderStatus.PENDING) {
            throw new TicketingException(null, "This order is " + label(order.getStatus())
                    + "; there is nothing to send.");
        }
        sendConfirmation(order, baseUrl);
        audit.record("order.confirmation_resent", "order", order.getId(), null, Map.of("to", order.getBuyerEmail()))
                .setEventId(order.getEventId());
    }

    private void sendConfirmation(Order order, String baseUrl) {
        String token = access.token(order);
        OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
        String link = OrderAccess.link(baseUrl, tickets.accountSlug(), token);
        if (order.getStatus() == OrderStatus.PAID) {
            mails.confirmation(tickets, link);
        } else {
            mails.awaitingPayment(tickets, link);
        }
    }

    /**
     * Cancels an order that is unpaid or free; its tickets go back on sale and the buyer is mailed. Paid money is
     * given back by a refund.
     */
    @RequiresPermission(Permission.ORDERS_MANAGE)
    public void cancel(UUID orderId, String reason, String baseUrl) {
        Order order = locked(orderId, Permission.ORDERS_MANAGE);
        boolean wasCancelled = order.getStatus() == OrderStatus.CANCELLED;
        cancellation.cancel(order, reason, OrderCancellation.Actor.ORGANIZER, clock.instant());
        if (!wasCancelled) {
            em.flush();
            OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
            mails.cancelled(tickets, OrderAccess.link(baseUrl, tickets.accountSlug(), access.token(order)), 0, false);
        }
    }

    /**
     * Refunds some tickets of a paid order (all of them = a full refund, which also cancels the order). Each ticket
     * gives back what was paid for it; their places go back on sale at once. The buyer is mailed the amount (after
     * the commit, through the outbox); {@code baseUrl} is the application's address for the order link.
     */
    @RequiresPermission(Permission.ORDERS_REFUND)
    public long refund(UUID orderId, Set<UUID> attendeeIds, String baseUrl) {
        Order order = locked(orderId, Permission.ORDERS_REFUND);
        Set<UUID> chosen = attendeeIds == null ? Set.of() : attendeeIds;
        long amount = cancellation.refund(order, chosen, OrderCancellation.Actor.ORGANIZER, clock.instant());
        em.flush();
        OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
        String link = OrderAccess.link(baseUrl, tickets.accountSlug(), access.token(order));
        if (order.getStatus() == OrderStatus.CANCELLED) {
            mails.cancelled(tickets, link, amount, cancellation.refundsByHand(order));
        } else {
            mails.refunded(tickets, link, amount, tickets.tickets().stream()
                    .filter(t -> chosen.contains(t.attendeeId())).map(OrderTickets.Ticket::attendeeName).toList(),
                    cancellation.refundsByHand(order));
        }
        return amount;
    }

    /** Corrects the name or email on a ticket (the ticket, its code and price stay). */
    @RequiresPermission(Permission.ORDERS_MANAGE)
    public void renameAttendee(UUID attendeeId, String firstName, String lastName, String email) {
        Attendee attendee = em.find(Attendee.class, attendeeId);
        if (attendee == null) {
            throw new AccessDeniedException("No such ticket.");
        }
        authorizer.check(Permission.ORDERS_MANAGE, attendee.getEventId());
        if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
            throw new TicketingException("name", "Enter the first and last name of the person this ticket is for.");
        }
        Map<String, Object> before = Map.of("name", attendee.getFirstName() + " " + attendee.getLastName());
        attendee.setFirstName(firstName.strip());
        attendee.setLastName(lastName.strip());
        attendee.setEmail(email == null || email.isBlank() ? null : email.strip());
        audit.record("attendee.renamed", "order", attendee.getOrder().getId(), before,
                Map.of("name", attendee.getFirstName() + " " + attendee.getLastName())).setEventId(attendee.getEventId());
    }

    @RequiresPermission(Permission.ORDERS_MANAGE)
    public void saveNote(UUID orderId, String note) {
        Order order = order(orderId, Permission.ORDERS_MANAGE);
        order.setInternalNote(note == null || note.isBlank() ? null : note.strip());
        audit.record("order.note_changed", "order", order.getId(), null, null).setEventId(order.getEventId());
    }

    /**
     * Approves the buyer's open refund request: every valid ticket is refunded in full (the order is cancelled) and
     * the buyer is mailed. Returns the amount refunded.
     */
    @RequiresPermission(Permission.ORDERS_REFUND)
    public long approveRefundRequest(UUID orderId, String baseUrl) {
        Order order = locked(orderId, Permission.ORDERS_REFUND);
        requireOpenRequest(order);
        long amount = cancellation.refund(order, null, OrderCancellation.Actor.ORGANIZER, clock.instant());
        em.flush();
        OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
        mails.cancelled(tickets, OrderAccess.link(baseUrl, tickets.accountSlug(), access.token(order)), amount,
                cancellation.refundsByHand(order));
        return amount;
    }

    /** Declines the buyer's open refund request; {@code reply} (required) is mailed to the buyer. Tickets stay valid. */
    @RequiresPermission(Permission.ORDERS_REFUND)
    public void declineRefundRequest(UUID orderId, String reply, String baseUrl) {
        Order order = locked(orderId, Permission.ORDERS_REFUND);
        requireOpenRequest(order);
        if (reply == null || reply.isBlank()) {
            throw new TicketingException("reply", "Write one sentence for the buyer: why the refund is declined.");
        }
        String sentence = reply.strip();
        if (sentence.length() > BuyerCancellationService.MAX_NOTE) {
            throw new TicketingException("reply", "Please keep the answer under " + BuyerCancellationService.MAX_NOTE
                    + " characters.");
        }
        order.decideRefundRequest(clock.instant(), RefundRequestOutcome.DECLINED, sentence);
        audit.record("order.refund_request_declined", "order", order.getId(), Map.of("refund_request", "open"),
                Map.of("refund_request", "declined", "reply", sentence, "by", "organizer"))
                .setEventId(order.getEventId());
        em.flush();
        OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
        mails.refundDeclined(tickets, OrderAccess.link(baseUrl, tickets.accountSlug(), access.token(order)), sentence);
    }

    private static void requireOpenRequest(Order order) {
        if (!order.hasOpenRefundRequest()) {
            throw new TicketingException(null, order.getRefundRequestOutcome() == null
                    ? "This order has no refund request."
                    : "This refund request was already answered (" + label(order.getRefundRequestOutcome()) + ").");
        }
    }

    private Order order(UUID orderId, Permission permission) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        if (order == null) {
            throw new AccessDeniedException("No such order.");
        }
        authorizer.check(permission, order.getEventId());
        return order;
    }

    /** The order, after the permission check, with its row locked (the lock every cancel and refund takes). */
    private Order locked(UUID orderId, Permission permission) {
        return cancellation.lock(order(orderId, permission));
    }

    private List<AttendeeRow> attendeesOf(Order order) {
        return em.createQuery("""
                        select a from Attendee a join fetch a.ticket join fetch a.orderLine
                        where a.order = :order order by a.createdAt, a.id""", Attendee.class)
                .setParameter("order", order).getResultStream().map(OrderService::attendeeRow).toList();
    }

    static AttendeeRow attendeeRow(Attendee a) {
        OrderLine line = a.getOrderLine();
        return new AttendeeRow(a.getId(), a.getOrder().getId(), a.getOrder().getCode(), a.getTicket().getName(),
                a.getFirstName(), a.getLastName(), a.getEmail(), a.getCode(), label(a.getStatus()),
                line.getTotalMinor() / line.getQuantity());
    }

    private OrderRow row(Order o) {
        int tickets = o.getLines().stream().mapToInt(OrderLine::getQuantity).sum();
        return new OrderRow(o.getId(), o.getEventId(), o.getCode(), o.getBuyerName(), o.getBuyerEmail(),
                label(o.getStatus()), o.getTotalMinor(), o.getRefundedMinor(), o.getCurrency(), tickets,
                o.getPaymentProvider(), o.getPlacedAt(), o.getPaymentDeadline(), o.hasOpenRefundRequest());
    }

    private static String label(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status as the organizer reads it: pending orders whose deadline passed read as expired even before anything
     * writes it down; a paid order with some tickets refunded reads as partly refunded, not as paid.
     */
    public static String displayStatus(OrderRow row, Instant now) {
        if ("pending".equals(row.status()) && row.paymentDeadline() != null && !now.isBefore(row.paymentDeadline())) {
            return "expired";
        }
        if ("paid".equals(row.status()) && row.refundedMinor() > 0) {
            return "partly refunded";
        }
        return row.status();
    }

    /** "by card", "by bank transfer", "free": how an order is paid, in words instead of the provider's id. */
    public static String paymentWay(String provider) {
        return OrderHistory.way(provider);
    }
}
