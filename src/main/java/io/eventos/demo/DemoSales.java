package io.eventos.demo;

import io.eventos.account.domain.ActorKind;
import io.eventos.account.domain.AuditEntry;
import io.eventos.analytics.domain.AnalyticsRecord;
import io.eventos.analytics.domain.Granularity;
import io.eventos.checkin.domain.CheckIn;
import io.eventos.checkin.domain.CheckInDirection;
import io.eventos.crm.domain.ActivityKind;
import io.eventos.crm.domain.Contact;
import io.eventos.event.domain.Event;
import io.eventos.ticketing.domain.Attendee;
import io.eventos.ticketing.domain.AttendeeStatus;
import io.eventos.ticketing.domain.Order;
import io.eventos.ticketing.domain.OrderLine;
import io.eventos.ticketing.domain.OrderStatus;
import io.eventos.ticketing.domain.Payment;
import io.eventos.ticketing.domain.PaymentKind;
import io.eventos.ticketing.domain.PaymentStatus;
import io.eventos.ticketing.domain.Pricing;
import io.eventos.ticketing.domain.PromoCode;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.platform.text.Json;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Orders of the demo account with everything a real checkout leaves behind: order lines (totals computed by the
 * order), payments, one attendee per issued ticket, the audit entries, the buyer's contact and timeline, and
 * analytics facts; check-ins for the past meetup; page views of the public pages.
 */
final class DemoSales {

    /** Card payments settle within minutes; bank transfers within days. */
    private static final String CARD = "test_card";
    private static final String OFFLINE = "offline";

    private final DemoContext ctx;
    private final DemoCatalog catalog;
    private final DemoCrm crm;
    private final DemoStaff staff;

    private final List<Order> orders = new ArrayList<>();
    private final List<DemoPeople.Person> buyers = new ArrayList<>();
    private final Set<Contact> buyerContacts = new LinkedHashSet<>();
    private final List<Attendee> meetupAttendees = new ArrayList<>();
    private int attendees;
    private int pending;
    private Order newestPaid;
    private AuditEntry newestPaidAudit;

    /** A number of tickets of one type in an order. */
    private record Line(Ticket ticket, int quantity) {
    }

    DemoSales(DemoContext ctx, DemoCatalog catalog, DemoCrm crm, DemoStaff staff) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.crm = crm;
        this.staff = staff;
    }

    int orderCount() {
        return orders.size();
    }

    int attendeeCount() {
        return attendees;
    }

    int pendingCount() {
        return pending;
    }

    List<Contact> buyerContacts() {
        return List.copyOf(buyerContacts);
    }

    Order newestPaid() {
        return newestPaid;
    }

    AuditEntry newestPaidAudit() {
        return newestPaidAudit;
    }

    void create() {
        DemoCatalog c = catalog;
        Instant summitOpen = c.summit.getPublishedAt();
        Instant earlyBirdEnd = c.earlyBird.getSalesEnd();
        // Nordic Product Summit: early birds until five days ago, regular since, a few VIPs and students
        for (int i = 0; i < 7; i++) {
            order(c.summit, placed(c.summit, summitOpen, earlyBirdEnd), OrderStatus.PAID, i == 4 ? OFFLINE : CARD, null,
                    new Line(c.earlyBird, 1 + ctx.random.nextInt(3)));
        }
        for (int i = 0; i < 5; i++) {
            order(c.summit, placed(c.summit, earlyBirdEnd, ctx.now), OrderStatus.PAID, CARD, i < 2 ? c.nordic10 : null,
                    new Line(c.regular, 1 + ctx.random.nextInt(2)));
        }
        order(c.summit, placed(c.summit, earlyBirdEnd, ctx.now), OrderStatus.PAID, CARD, c.nordic10,
                new Line(c.regular, 2), new Line(c.vip, 1));
        for (int i = 0; i < 2; i++) {
            order(c.summit, placed(c.summit, summitOpen, ctx.now), OrderStatus.PAID, CARD, null,
                    new Line(c.vip, 1 + ctx.random.nextInt(2)));
        }
        for (int i = 0; i < 3; i++) {
            order(c.summit, placed(c.summit, summitOpen, ctx.now), OrderStatus.PAID, CARD, c.studentCode,
                    new Line(c.student, 1));
        }
        for (int i = 0; i < 2; i++) {
            order(c.summit, placed(c.summit, ctx.daysAgo(2), ctx.daysAgo(0.5)), OrderStatus.PENDING, OFFLINE, null,
                    new Line(c.regular, 1 + ctx.random.nextInt(3)));
        }
        // Jazz on the River (USD)
        Instant jazzOpen = c.jazz.getPublishedAt();
        for (int i = 0; i < 7; i++) {
            order(c.jazz, placed(c.jazz, jazzOpen, ctx.now), OrderStatus.PAID, CARD, null,
                    new Line(c.generalAdmission, 1 + ctx.random.nextInt(4)));
        }
        for (int i = 0; i < 2; i++) {
            order(c.jazz, placed(c.jazz, jazzOpen, ctx.now), OrderStatus.PAID, CARD, null, new Line(c.tableForFour, 1));
        }
        order(c.jazz, placed(c.jazz, ctx.daysAgo(1.5), ctx.daysAgo(0.3)), OrderStatus.PENDING, OFFLINE, null,
                new Line(c.generalAdmission, 2));
        // Hands-on Data Workshop: free seats
        for (int i = 0; i < 6; i++) {
            order(c.workshop, placed(c.workshop, c.workshop.getPublishedAt(), ctx.now), OrderStatus.PAID, null, null,
                    new Line(c.seat, 1 + ctx.random.nextInt(2)));
        }
        // Spring Community Meetup (past): sold before it took place, two paid by bank transfer
        Instant meetupOpen = c.meetup.getPublishedAt();
        Instant meetupLastWeek = c.meetup.getStartsAt().minus(Duration.ofDays(7));
        for (int i = 0; i < 6; i++) {
            order(c.meetup, placed(c.meetup, meetupOpen, c.meetup.getStartsAt().minusSeconds(3600)), OrderStatus.PAID,
                    i < 2 ? OFFLINE : CARD, null, new Line(c.communityTicket, 1 + ctx.random.nextInt(3)));
        }
        for (int i = 0; i < 2; i++) {
            order(c.meetup, placed(c.meetup, meetupOpen, meetupLastWeek), OrderStatus.PAID, CARD, null,
                    new Line(c.supporterTicket, 1));
        }
        // Autumn Gala: cancelled by the organizer, both orders refunded
        for (int quantity : new int[]{2, 4}) {
            order(c.gala, placed(c.gala, c.gala.getPublishedAt(), c.galaCancelledAt.minus(Duration.ofDays(3))),
                    OrderStatus.CANCELLED, CARD, null, new Line(c.galaDinner, quantity));
        }
        checkInMeetup();
        countPromoCodeUse();
    }

    // --------------------------------------------------------------------------------------------- orders

    private void order(Event event, Instant placedAt, OrderStatus outcome, String provider, PromoCode promo,
                       Line... lines) {
        DemoPeople.Person buyer = buyerFor(event);
        Contact contact = crm.contactFor(buyer, placedAt, "order");
        buyerContacts.add(contact);
        crm.tag(contact, "attendee");
        crm.tag(contact, event.getSlug());

        Order order = new Order(event.getId(), ctx.codes.orderCode(), ctx.codes.accessTokenHash(), buyer.fullName(),
                buyer.email(), event.getCurrency());
        order.setBuyerContactId(contact.getId());
        order.setPaymentProvider(provider);
        order.setPromoCode(promo);
        order.setLocale(event.getCurrency().equals("USD") || ctx.random.nextInt(3) > 0 ? "en" : "de");
        if (ctx.random.nextInt(100) < 45) {
            order.setMarketingConsent(true);
            order.setMarketingConsentAt(placedAt);
            crm.consent(contact, placedAt, "Checkout: " + event.getName());
        }
        List<Pricing.Line> priced = Pricing.price(java.util.Arrays.stream(lines)
                .map(l -> Map.entry(l.ticket(), l.quantity())).toList(), promo);
        for (int i = 0; i < lines.length; i++) {
            order.addLine(lines[i].ticket(), lines[i].quantity(), lines[i].ticket().getPriceMinor(),
                    priced.get(i).discountMinor());
        }
        ctx.persist(order, "orders", order.getId(), placedAt);
        for (OrderLine line : order.getLines()) {
            ctx.backdating.set("order_lines", line.getId(), placedAt);
        }
        orders.add(order);

        Instant holdAt = placedAt.minusSeconds(90 + ctx.random.nextInt(420));
        fact(event, "hold_created", holdAt, 0, null, Json.createObjectBuilder()
                .add("tickets", order.getLines().stream().mapToInt(OrderLine::getQuantity).sum()).build());
        fact(event, "order_placed", placedAt, order.getTotalMinor(), order.getCurrency(),
                Json.createObjectBuilder().add("order_code", order.getCode()).build());
        AuditEntry placed = ctx.audit(placedAt, null, ActorKind.ATTENDEE, "order.placed", "order", order.getId(),
                event.getId(), null, orderJson(order, "pending"));
        crm.activity(contact, ActivityKind.ORDER_PLACED, placedAt, null,
                "Placed order " + order.getCode() + " for " + event.getName(), null, event.getId(), placed.getId(),
                activityData(order));

        if (outcome == OrderStatus.PENDING) {
            order.setPaymentDeadline(ctx.now.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES));
            pending++;
            return;
        }
        boolean offline = OFFLINE.equals(provider);
        Instant paidAt = offline ? min(placedAt.plusSeconds(86_400 + ctx.random.nextInt(2 * 86_400)),
                ctx.now.minusSeconds(600)) : placedAt.plusSeconds(20 + ctx.random.nextInt(160));
        if (provider == null) {
            paidAt = placedAt;
        }
        order.setStatus(OrderStatus.PAID);
        order.setPaidAt(paidAt);
        if (order.getTotalMinor() > 0) {
            Payment charge = new Payment(order, provider, PaymentKind.CHARGE, order.getTotalMinor(),
                    order.getCurrency());
            charge.setStatus(PaymentStatus.SUCCEEDED);
            charge.setProviderRef(offline ? "Bank transfer " + order.getCode() : ctx.codes.providerRef("ch_test_"));
            ctx.persist(charge, "payments", charge.getId(), paidAt);
        }
        AuditEntry paid = ctx.audit(paidAt, offline ? staff.admin() : null,
                offline ? ActorKind.USER : ActorKind.ATTENDEE, "order.paid", "order", order.getId(), event.getId(),
                Json.createObjectBuilder().add("status", "pending").build(), orderJson(order, "paid"));
        crm.activity(contact, ActivityKind.ORDER_PAID, paidAt, offline ? staff.admin() : null,
                "Paid order " + order.getCode(), offline ? "Bank transfer received and confirmed." : null,
                event.getId(), paid.getId(), activityData(order));
        if (newestPaid == null || paidAt.isAfter(newestPaid.getPaidAt())) {
            newestPaid = order;
            newestPaidAudit = paid;
        }
        List<Attendee> issued = issueTickets(event, order, buyer, paidAt);

        if (outcome == OrderStatus.CANCELLED) {
            Instant cancelledAt = catalog.galaCancelledAt.plusSeconds(300 + ctx.random.nextInt(1800));
            order.setStatus(OrderStatus.CANCELLED);
            order.setCancelledAt(cancelledAt);
            order.setRefundedMinor(order.getTotalMinor());
            Payment refund = new Payment(order, provider, PaymentKind.REFUND, order.getTotalMinor(),
                    order.getCurrency());
            refund.setStatus(PaymentStatus.SUCCEEDED);
            refund.setProviderRef(ctx.codes.providerRef("re_test_"));
            ctx.persist(refund, "payments", refund.getId(), cancelledAt);
            issued.forEach(a -> a.setStatus(AttendeeStatus.REFUNDED));
            AuditEntry cancelled = ctx.audit(cancelledAt, staff.owner(), ActorKind.USER, "order.cancelled", "order",
                    order.getId(), event.getId(), Json.createObjectBuilder().add("status", "paid").build(),
                    Json.createObjectBuilder(orderJson(order, "cancelled"))
                            .add("refunded_minor", order.getRefundedMinor())
                            .add("reason", "Event cancelled").build());
            crm.activity(contact, ActivityKind.ORDER_CANCELLED, cancelledAt, staff.owner(),
                    "Order " + order.getCode() + " cancelled and refunded", event.getCancelReason(), event.getId(),
                    cancelled.getId(), activityData(order));
        }
    }

    /** A new buyer, now and then someone who bought for another event before, or a lead who became a customer. */
    private DemoPeople.Person buyerFor(Event event) {
        int roll = ctx.random.nextInt(100);
        if (roll < 12 && !buyers.isEmpty()) {
            DemoPeople.Person returning = buyers.get(ctx.random.nextInt(buyers.size()));
            boolean boughtHere = orders.stream().anyMatch(o -> o.getEventId().equals(event.getId())
                    && o.getBuyerEmail().equalsIgnoreCase(returning.email()));
            if (!boughtHere) {
                return returning;
            }
        }
        if (roll >= 12 && roll < 18 && !crm.leads().isEmpty()) {
            Contact lead = crm.leads().get(ctx.random.nextInt(crm.leads().size()));
            if (!buyerContacts.contains(lead)) {
                return new DemoPeople.Person(lead.getFirstName(), lead.getLastName(), lead.getEmail(),
                        lead.getCompany(), lead.getJobTitle(), lead.getPhone());
            }
        }
        DemoPeople.Person buyer = ctx.people.next();
        buyers.add(buyer);
        return buyer;
    }

    /** One attendee per ticket: the buyer holds the first, friends and colleagues the others. */
    private List<Attendee> issueTickets(Event event, Order order, DemoPeople.Person buyer, Instant issuedAt) {
        List<Attendee> issued = new ArrayList<>();
        Set<String> emailsInOrder = new HashSet<>();
        boolean first = true;
        for (OrderLine line : order.getLines()) {
            for (int i = 0; i < line.getQuantity(); i++) {
                DemoPeople.Person holder;
                if (first) {
                    holder = buyer;
                    first = false;
                } else if (ctx.random.nextInt(100) < 12 && !crm.leads().isEmpty()) {
                    Contact lead = crm.leads().get(ctx.random.nextInt(crm.leads().size()));
                    holder = new DemoPeople.Person(lead.getFirstName(), lead.getLastName(), lead.getEmail(), null,
                            null, null);
                } else {
                    holder = ctx.people.guest(0.5);
                }
                String email = holder.email() != null && emailsInOrder.add(holder.email().toLowerCase(Locale.ROOT))
                        ? holder.email() : null;
                Attendee attendee = new Attendee(event.getId(), order, line, line.getTicket(),
                        ctx.codes.attendeeCode());
                attendee.setFirstName(holder.firstName());
                attendee.setLastName(holder.lastName());
                attendee.setEmail(email);
                crm.find(email).ifPresent(contact -> attendee.setContactId(contact.getId()));
                ctx.persist(attendee, "attendees", attendee.getId(), issuedAt);
                issued.add(attendee);
                attendees++;
                if (event == catalog.meetup) {
                    meetupAttendees.add(attendee);
                }
            }
        }
        return issued;
    }

    private static JsonObject orderJson(Order order, String status) {
        return Json.createObjectBuilder()
                .add("code", order.getCode())
                .add("status", status)
                .add("total_minor", order.getTotalMinor())
                .add("currency", order.getCurrency())
                .build();
    }

    private static JsonObject activityData(Order order) {
        return Json.createObjectBuilder()
                .add("order_id", order.getId().toString())
                .add("order_code", order.getCode())
                .add("total_minor", order.getTotalMinor())
                .add("currency", order.getCurrency())
                .build();
    }

    // ------------------------------------------------------------------------------------------- check-in

    /** Most meetup attendees came: one entry each, scanned at the door in the first hour. */
    private void checkInMeetup() {
        Event meetup = catalog.meetup;
        ctx.em.flush(); // the event's default check-in list is made by a trigger when the event's row is written
        UUID list = UUID.fromString(ctx.em.createNativeQuery(
                        "select cast(id as text) from checkin_lists where event_id = ?1 and is_default")
                .setParameter(1, meetup.getId()).getSingleResult().toString());
        for (Attendee attendee : meetupAttendees) {
            if (ctx.random.nextInt(100) >= 85) {
                continue;
            }
            Instant at = meetup.getStartsAt().plusSeconds(ctx.random.nextInt(75 * 60));
            CheckIn checkIn = new CheckIn(attendee.getId(), meetup.getId(), CheckInDirection.IN, ctx.codes.token(12),
                    "Main entrance", "Door tablet 1", staff.member());
            checkIn.setListId(list);
            ctx.persist(checkIn, "check_ins", checkIn.getId(), at);
            AuditEntry audit = ctx.audit(at, staff.member(), ActorKind.USER, "attendee.checked_in", "attendee",
                    attendee.getId(), meetup.getId(), null, Json.createObjectBuilder()
                            .add("direction", "in").add("gate", "Main entrance").build());
            if (attendee.getContactId() != null) {
                crm.find(attendee.getEmail()).ifPresent(contact -> crm.activity(contact,
                        ActivityKind.TICKET_CHECKED_IN, at, staff.member(), "Checked in at " + meetup.getName(),
                        null, meetup.getId(), audit.getId(), Json.createObjectBuilder()
                                .add("attendee_id", attendee.getId().toString()).add("gate", "Main entrance")
                                .build()));
            }
        }
    }

    private void countPromoCodeUse() {
        for (PromoCode promo : List.of(catalog.studentCode, catalog.nordic10)) {
            promo.setUsedCount((int) orders.stream()
                    .filter(o -> o.getPromoCode() == promo && o.getStatus() != OrderStatus.CANCELLED)
                    .count());
        }
    }

    // ------------------------------------------------------------------------------------------ analytics

    /**
     * Page views of the public pages over the last 14 days, as the public pages count them ({@code PageViews}): one
     * daily counter per event, UTC day, referring site and campaign tags; busiest for the summit, a trickle for the
     * past meetup. About a third come from nowhere (typed or bookmarked), the rest from search, social sites and the
     * organizer's newsletter, whose links carry UTM tags.
     */
    void pageViews() {
        Map<Event, int[]> perDay = Map.of(
                catalog.summit, new int[]{40, 90},
                catalog.jazz, new int[]{15, 40},
                catalog.gala, new int[]{1, 5},
                catalog.meetup, new int[]{0, 2},
                catalog.workshop, new int[]{5, 15});
        List<Event> ordered = List.of(catalog.summit, catalog.jazz, catalog.workshop, catalog.gala, catalog.meetup);
        // referrer host, utm_source, utm_medium, utm_campaign (null: none)
        String[][] sources = {
                {null, null, null, null}, {null, null, null, null}, {null, null, null, null},
                {"google.com", null, null, null}, {"google.com", null, null, null},
                {"linkedin.com", "linkedin", "social", null}, {"news.ycombinator.com", null, null, null},
                {"mail.example.com", "newsletter", "email", "autumn-programme"},
                {"bing.com", null, null, null}, {"meetup.com", "meetup", "referral", null}};
        Map<List<Object>, Long> counters = new LinkedHashMap<>();
        for (int day = 13; day >= 0; day--) {
            Instant utcDay = ctx.now.minus(Duration.ofDays(day)).truncatedTo(ChronoUnit.DAYS);
            for (Event event : ordered) {
                int[] range = perDay.get(event);
                int views = range[0] + ctx.random.nextInt(range[1] - range[0] + 1);
                for (int i = 0; i < views; i++) {
                    String[] source = sources[ctx.random.nextInt(sources.length)];
                    counters.merge(java.util.Arrays.asList(event, utcDay, java.util.Arrays.asList(source)), 1L, Long::sum);
                }
            }
            int accountViews = 3 + ctx.random.nextInt(7);
            counters.merge(java.util.Arrays.asList(null, utcDay, java.util.Arrays.asList(sources[0])), (long) accountViews,
                    Long::sum);
        }
        counters.forEach((key, count) -> {
            Event event = (Event) key.get(0);
            Instant utcDay = (Instant) key.get(1);
            @SuppressWarnings("unchecked")
            List<String> source = (List<String>) key.get(2);
            jakarta.json.JsonObjectBuilder dims = Json.createObjectBuilder();
            String[] names = {"referrer", "utm_source", "utm_medium", "utm_campaign"};
            for (int i = 0; i < names.length; i++) {
                if (source.get(i) != null) {
                    dims.add(names[i], source.get(i));
                }
            }
            AnalyticsRecord record = new AnalyticsRecord(event == null ? null : event.getId(), "page_view",
                    Granularity.DAY, utcDay);
            record.setCount(count);
            record.setOccurredAt(utcDay.isAfter(ctx.now) ? ctx.now : utcDay);
            record.setDimensionsJson(dims.build().toString());
            ctx.persist(record, "analytics", record.getId(), utcDay.isAfter(ctx.now) ? ctx.now : utcDay);
        });
    }

    /** One tracked fact; its bucket is the hour it happened in. */
    private void fact(Event event, String metric, Instant at, long amountMinor, String currency, JsonObject dims) {
        AnalyticsRecord record = new AnalyticsRecord(event == null ? null : event.getId(), metric, Granularity.FACT,
                at.truncatedTo(ChronoUnit.HOURS));
        record.setOccurredAt(at);
        record.setAmountMinor(amountMinor);
        record.setCurrency(currency);
        record.setDimensionsJson(dims.toString());
        ctx.persist(record, "analytics", record.getId(), at);
    }

    /** Between {@code from} and {@code to}, at a waking hour where the event is (buyers and readers sleep too). */
    private Instant placed(Event event, Instant from, Instant to) {
        return ctx.between(from, to, ZoneId.of(event.getTimeZone()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
