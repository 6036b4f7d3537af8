package io.eventos.ticketing.service;

import io.eventos.account.service.AuditLog;
import io.eventos.event.service.EventFacts;
import io.eventos.platform.crypto.RandomTokens;
import io.eventos.platform.limits.AddressKey;
import io.eventos.platform.limits.Limits;
import io.eventos.platform.limits.RateLimiter;
import io.eventos.platform.limits.TooManyAttemptsException;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.Attendee;
import io.eventos.ticketing.domain.Hold;
import io.eventos.ticketing.domain.HoldLine;
import io.eventos.ticketing.domain.HoldStatus;
import io.eventos.ticketing.domain.Order;
import io.eventos.ticketing.domain.OrderLine;
import io.eventos.ticketing.domain.OrderStatus;
import io.eventos.ticketing.domain.Payment;
import io.eventos.ticketing.domain.PaymentKind;
import io.eventos.ticketing.domain.PaymentStatus;
import io.eventos.ticketing.domain.Pricing;
import io.eventos.ticketing.domain.PromoCode;
import io.eventos.ticketing.domain.PromoCodeKind;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.ticketing.domain.TicketVisibility;
import io.eventos.ticketing.service.SaleRefusedException.Field;
import io.eventos.ticketing.service.payment.FreeTickets;
import io.eventos.ticketing.service.payment.PaymentProvider;
import io.eventos.ticketing.service.payment.PaymentProviders;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public checkout of the account bound from the URL: hold tickets, turn the hold into an order, pay.
 * Every step that changes what is taken of an event takes {@link SalesLock} before it counts ({@link Inventory}) or
 * checks, and holds it to the commit, so concurrent buyers can never take more than there is. The lock comes last:
 * each step writes all it writes first, so only the count or check and the commit are under it (docs/architecture.md,
 * "The lock comes last"). Buyers are anonymous: there is no permission to check, only the rules of the sale.
 */
@Stateless
@TenantBound
public class CheckoutService {

    /** How long tickets stay held while the buyer fills in the form, unless the event's settings say otherwise. */
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(15);

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            CheckoutService.class.getName());

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    RateLimiter limiter;
    @Inject
    AuditLog audit;

    @Inject
    PaymentProviders providers;

    @Inject
    OrderAccess access;

    @Inject
    OrderMails mails;

    @Inject
    SalesTrail trail;

    @Inject
    OpenHolds openHolds;

    @Inject
    EventFacts events;

    @Resource
    SessionContext context;

    Clock clock = Clock.systemUTC();

    /**
     * Holds the tickets of the cart, or says in one sentence why not. The hold lasts
     * {@link Limits#HOLD_BEFORE_DETAILS} until the buyer opens the checkout form ({@link #openCheckout}), then the
     * event's hold time ({@link #DEFAULT_HOLD} unless its settings say otherwise). One hold takes at most
     * {@link Limits#TICKETS_PER_HOLD} tickets. Not limited per client: see {@link #reserve(Cart, String)}.
     */
    public HoldView reserve(Cart cart) {
        return reserve(cart, null);
    }

    /**
     * {@link #reserve(Cart)} for a buyer on the public pages: the client address {@code clientAddress} (as
     * {@code platform.web.ClientAddress} found it; null: not limited) may have {@link Limits#OPEN_HOLDS_PER_ADDRESS}
     * unfinished checkouts at once.
     */
    public HoldView reserve(Cart cart, String clientAddress) {
        Instant now = clock.instant();
        if (cart.quantities().isEmpty()) {
            throw new SaleRefusedException(Field.QUANTITY, "Choose at least one ticket.");
        }
        SaleEvent event = saleEvent(cart.eventId());
        event.requireOnSale(now);
        Map<UUID, Ticket> tickets = new HashMap<>();
        em.createQuery("select t from Ticket t where t.eventId = :event", Ticket.class)
                .setParameter("event", cart.eventId()).getResultList().forEach(t -> tickets.put(t.getId(), t));
        PromoCode promo = cart.promoCode() == null ? null : promo(cart.eventId(), cart.promoCode(), now);

        List<Map.Entry<Ticket, Integer>> wanted = new ArrayList<>();
        long total = 0;
        for (Map.Entry<UUID, Integer> entry : cart.quantities().entrySet()) {
            Ticket ticket = tickets.get(entry.getKey());
            if (ticket == null || (ticket.getVisibility() == TicketVisibility.HIDDEN && !unlocks(promo, ticket))) {
                throw new SaleRefusedException(Field.QUANTITY, entry.getKey(),
                        "This ticket type is not sold here; reload the page to see the current tickets.");
            }
            checkRules(ticket, entry.getValue(), now);
            total += entry.getValue();
            wanted.add(Map.entry(ticket, entry.getValue()));
        }

        if (total > Limits.TICKETS_PER_HOLD) {
            throw new SaleRefusedException(Field.QUANTITY, "One order can have at most " + Limits.TICKETS_PER_HOLD
                    + " tickets. For more, place several orders or ask the organizer.");
        }

        // The hold and its records are written first; the sales lock is taken last and held only for the count and
        // the commit. The count sees this transaction's own hold, and leaves it out to say what is left for it; a
        // refusal rolls everything back.
        Hold hold = new Hold(cart.eventId(), RandomTokens.urlSafe(24),
                now.plus(shorter(event.holdFor(), Limits.HOLD_BEFORE_DETAILS)));
        String address = AddressKey.of(clientAddress);
        int most = openHoldsPerAddress();
        Optional<Instant> firstRunsOut = openHolds.tryOpen(address, hold.getToken(), hold.getExpiresAt(), most);
        if (firstRunsOut.isPresent()) {
            context.getBusinessObject(CheckoutService.class).recordHoldBurst(cart.eventId(), address, most);
            throw new SaleRefusedException(Field.QUANTITY, "You have " + most + " unfinished checkouts open. "
                    + "Finish or leave one of them, or try again "
                    + Limits.inWords(Duration.between(now, firstRunsOut.get())) + ".");
        }
        try {
            return hold(cart, event, hold, wanted, total, promo, now);
        } catch (RuntimeException refused) {
            openHolds.close(hold.getToken());
            throw refused;
        }
    }

    private HoldView hold(Cart cart, SaleEvent event, Hold hold, List<Map.Entry<Ticket, Integer>> wanted, long total,
                          PromoCode promo, Instant now) {
        hold.setPromoCode(promo);
        wanted.sort(Comparator.comparingInt((Map.Entry<Ticket, Integer> e) -> e.getKey().getSortOrder())
                .thenComparing(e -> e.getKey().getName()));
        wanted.forEach(e -> hold.addLine(e.getKey(), e.getValue()));
        em.persist(hold);
        trail.holdCreated(cart.eventId(), hold.getId(), total, promo != null,
                Map.of("tickets", total, "expires_at", hold.getExpiresAt().toString()), now);
        em.flush();

        Stock stock = SalesLock.lockAndCount(em, cart.eventId(), now, hold.getId());
        Map<UUID, Long> perGroup = new HashMap<>();
        for (Map.Entry<Ticket, Integer> entry : wanted) {
            Ticket ticket = entry.getKey();
            int quantity = entry.getValue();
            Stock.TicketStock ticketStock = stock.tickets().get(ticket.getId());
            Long left = ticketStock == null ? Long.valueOf(0) : ticketStock.available();
            if (left != null && quantity > left) {
                throw new SaleRefusedException(Field.QUANTITY, ticket.getId(), left == 0
                        ? "“" + ticket.getName() + "” is sold out."
                        : "Only " + left + " “" + ticket.getName() + "” " + (left == 1 ? "ticket is" : "tickets are")
                          + " left.");
            }
            if (ticketStock != null && ticketStock.groupId() != null) {
                perGroup.merge(ticketStock.groupId(), (long) quantity, Long::sum);
            }
        }
        for (Map.Entry<UUID, Long> group : perGroup.entrySet()) {
            Stock.GroupStock groupStock = stock.groups().get(group.getKey());
            if (groupStock != null && group.getValue() > groupStock.available()) {
                throw new SaleRefusedException(Field.QUANTITY, groupStock.available() == 0
                        ? "The tickets sharing “" + groupStock.name() + "” are sold out."
                        : "Only " + groupStock.available() + " tickets are left of “" + groupStock.name()
                          + "”, which these ticket types share.");
            }
        }
        Long eventLeft = stock.eventAvailable();
        if (eventLeft != null && total > eventLeft) {
            throw new SaleRefusedException(Field.QUANTITY, eventLeft == 0 ? "This event is sold out."
                    : "Only " + eventLeft + (eventLeft == 1 ? " ticket is" : " tickets are") + " left for this event.");
        }
        return view(hold, now);
    }

    /**
     * A client address was refused a hold for having too many open: the event's audit log says so once per
     * {@link Limits#HOLD_BURST_RECORDS} window and address, in a transaction of its own (the refusal rolls back the
     * caller's), so the organizer sees someone trying to take the tickets.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordHoldBurst(UUID eventId, String address, int openHoldsAllowed) {
        if (limiter.tryAcquire(Limits.HOLD_BURST_RECORDS, address + " " + eventId).isEmpty()) {
            audit.record("holds.refused", "event", eventId, null,
                    Map.of("address", address, "open_holds_allowed", openHoldsAllowed));
        }
    }

    /** {@link Limits#OPEN_HOLDS_PER_ADDRESS}, or the setting that overrides it. */
    static int openHoldsPerAddress() {
        return ConfigProvider.getConfig().getOptionalValue(Limits.OPEN_HOLDS_PER_ADDRESS_KEY, Integer.class)
                .filter(n -> n > 0).orElse(Limits.OPEN_HOLDS_PER_ADDRESS);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The checkout form of a hold was opened (the details step): a live hold gets the event's full hold time,
     * counted from when it was made, under the sales lock (a hold whose time is moved is part of what is taken).
     * The hold as it is then, expired or not; empty for an unknown link.
     */
    public Optional<HoldView> openCheckout(String token) {
        Instant now = clock.instant();
        Optional<Hold> found = hold(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Hold hold = found.get();
        if (hold.getStatus() == HoldStatus.ACTIVE && hold.isActiveAt(now)) {
            Instant full = hold.getCreatedAt().plus(saleEvent(hold.getEventId()).holdFor());
            if (hold.getExpiresAt().isBefore(full)) {
                SalesLock.lockEvent(em, hold.getEventId());
                em.refresh(hold);
                if (hold.getStatus() == HoldStatus.ACTIVE && hold.isActiveAt(clock.instant())) {
                    hold.setExpiresAt(full);
                    openHolds.extend(token, full);
                }
            }
        }
        return Optional.of(view(hold, now));
    }

    /** The hold behind a checkout link, expired or not. */
    public Optional<HoldView> findHold(String token) {
        return hold(token).map(h -> view(h, clock.instant()));
    }

    /**
     * The buyer typed their address at checkout, before placing the order: the live hold keeps it (one column of
     * its row, no lock taken beyond that row), so a checkout that runs out unfinished can be found again as an
     * "abandoned checkout" of that person (the CRM's segment, read through {@code abandoned_checkout_emails}, V30).
     * Anything that is not a plausible address, or a hold that is no longer live, is ignored silently: the form
     * itself says what is wrong with the address when it is sent.
     */
    public void rememberEmail(String token, String email) {
        rememberEmail(token, email, null);
    }

    /**
     * {@link #rememberEmail(String, String)} for a buyer on the public page, limited (silently: nothing is said,
     * the hold keeps the address it had): one checkout keeps at most {@link Limits#REMEMBERED_EMAILS_PER_CHECKOUT}
     * different addresses, and the checkouts of one client address {@code clientAddress} (null: not limited by it)
     * at most {@link Limits#REMEMBERED_EMAILS_PER_ADDRESS}.
     */
    public void rememberEmail(String token, String email, String clientAddress) {
        if (blank(token) || blank(email) || email.strip().length() > EMAIL_MAX) {
            return;
        }
        String address = email.strip();
        int at = address.indexOf('@');
        if (at < 1 || address.indexOf('.', at) < 0 || address.chars().anyMatch(Character::isWhitespace)) {
            return;
        }
        if (limiter.waitFor(Limits.REMEMBERED_EMAILS_PER_CHECKOUT, token).isPresent()
                || limiter.tryAcquire(Limits.REMEMBERED_EMAILS_PER_ADDRESS, AddressKey.of(clientAddress)).isPresent()
                || limiter.tryAcquire(Limits.REMEMBERED_EMAILS_PER_CHECKOUT, token).isPresent()) {
            return; // the address field's change event fires only when the address changed: each call counts
        }
        em.createNativeQuery("""
                        update holds set buyer_email = ?2
                        where token = ?1 and status = 'active' and expires_at > now()
                          and buyer_email is distinct from ?2""")
                .setParameter(1, token).setParameter(2, address).executeUpdate();
    }

    /** Gives held tickets back at once (the buyer changed the cart or left). */
    public void release(String token) {
        hold(token).filter(h -> h.getStatus() == HoldStatus.ACTIVE).ifPresent(h -> h.setStatus(HoldStatus.RELEASED));
        openHolds.close(token);
    }

    /**
     * Turns a hold into an order: pending until paid, or paid at once when it costs nothing. Submitting the same
     * form twice (same idempotency key, or the same hold) returns the first order. The buyer is mailed (after the
     * commit) the tickets of a free order, or the payment instructions of a bank transfer; {@code baseUrl} is the
     * application's address for the link to the order page.
     */
    public PlacedOrder placeOrder(OrderRequest request, String baseUrl) {
        Instant now = clock.instant();
        Optional<PlacedOrder> again = byIdempotencyKey(request.idempotencyKey());
        if (again.isPresent()) {
            return again.get();
        }
        // the hold's row is locked for the rest of the transaction: the same form sent twice waits here for the
        // first, then finds the hold converted and answers with the first order
        Hold hold = hold(request.holdToken(), true).orElseThrow(() -> new SaleRefusedException(Field.HOLD,
                "This checkout is not valid any more; please choose your tickets again."));
        if (hold.getStatus() == HoldStatus.CONVERTED) {
            return em.createQuery("select o from Order o where o.hold = :hold", Order.class)
                    .setParameter("hold", hold).getResultStream().findFirst()
                    .map(o -> placed(o, null, true))
                    .orElseThrow(() -> new SaleRefusedException(Field.HOLD, "This checkout was already used."));
        }
        String buyerName = required(request.buyerName(), Field.BUYER, "name", "Enter your name.");
        String buyerEmail = email(request.buyerEmail(), Field.BUYER, "email");
        List<Map.Entry<HoldLine, Integer>> slots = new ArrayList<>();
        hold.getLines().forEach(l -> {
            for (int i = 0; i < l.getQuantity(); i++) {
                slots.add(Map.entry(l, i));
            }
        });
        List<OrderRequest.AttendeeName> names = request.attendees() == null ? List.of() : request.attendees();
        for (int i = 0; i < slots.size(); i++) {
            OrderRequest.AttendeeName name = i < names.size() ? names.get(i) : null;
            if (name == null || blank(name.firstName()) || blank(name.lastName())) {
                throw new SaleRefusedException(Field.ATTENDEE, i, "Enter the first and last name of the person "
                        + "this ticket is for.");
            }
            required(name.firstName(), Field.ATTENDEE, i, "");
            required(name.lastName(), Field.ATTENDEE, i, "");
            if (!blank(name.email())) {
                email(name.email(), Field.ATTENDEE, i);
            }
        }
        SaleEvent event = saleEvent(hold.getEventId());
        requireLive(hold, event, now);

        PromoCode promo = hold.getPromoCode();
        List<HoldView.Line> priced = price(hold.getLines().stream().map(l -> Map.entry(l.getTicket(), l.getQuantity()))
                .toList(), promo);
        long total = priced.stream().mapToLong(HoldView.Line::totalMinor).sum();
        PaymentProvider provider = total == 0 ? providers.find(FreeTickets.ID).orElseThrow()
                : providers.find(String.valueOf(request.paymentProvider())).filter(p -> !FreeTickets.ID.equals(p.id()))
                .orElseThrow(() -> new SaleRefusedException(Field.PAYMENT, "Choose how you want to pay."));

        // Everything of the order is written before the sales lock. A free order is written as pending and turns
        // paid under the lock: its tickets are counted as sold by triggers that update the ticket types' rows, and
        // those rows are locked after the event's (SalesLock).
        Order order = new Order(hold.getEventId(), orderCode(), "-", buyerName, buyerEmail, event.currency());
        String token = access.issue(order);
        Map<UUID, OrderLine> lines = new LinkedHashMap<>();
        for (int i = 0; i < priced.size(); i++) {
            HoldView.Line line = priced.get(i);
            lines.put(line.ticketId(), order.addLine(hold.getLines().get(i).getTicket(), line.quantity(),
                    line.unitPriceMinor(), line.discountMinor()));
        }
        order.setHold(hold);
        order.setPromoCode(promo);
        order.setMarketingConsent(request.marketingConsent());
        order.setMarketingConsentAt(request.marketingConsent() ? now : null);
        order.setIdempotencyKey(blank(request.idempotencyKey()) ? null : request.idempotencyKey());
        order.setLocale(request.locale());
        order.setPaymentProvider(provider.id());
        order.setStatus(OrderStatus.PENDING);
        if (total > 0) {
            Instant deadline = now.plus(provider.paymentWindow());
            if (provider.paysLater() && event.startsAt().isAfter(now) && deadline.isAfter(event.startsAt())) {
                deadline = event.startsAt();
            }
            order.setPaymentDeadline(deadline);
        }
        em.persist(order);
        for (int i = 0; i < slots.size(); i++) {
            HoldLine holdLine = slots.get(i).getKey();
            OrderRequest.AttendeeName name = names.get(i);
            Attendee attendee = new Attendee(hold.getEventId(), order, lines.get(holdLine.getTicket().getId()),
                    holdLine.getTicket(), RandomTokens.urlSafe(16));
            attendee.setFirstName(name.firstName().strip());
            attendee.setLastName(name.lastName().strip());
            attendee.setEmail(blank(name.email()) ? null : name.email().strip());
            em.persist(attendee);
        }
        hold.setStatus(HoldStatus.CONVERTED);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", order.getCode());
        after.put("status", total == 0 ? "paid" : "pending");
        after.put("total_minor", order.getTotalMinor());
        after.put("currency", order.getCurrency());
        after.put("tickets", slots.size());
        after.put("payment_provider", provider.id());
        em.flush(); // the attendees first: a free order's records link those with an email to contacts
        UUID contact = trail.orderPlaced(order, slots.size(), after, total == 0, now);
        OrderTickets tickets = total == 0 || provider.paysLater() ? OrderTicketsQuery.of(em, events, order)
                : null;

        // Under the lock until the commit: the hold must still be live now. A count that ran before took the same
        // lock with an earlier clock, so it counted the hold; a count after the commit sees the order instead.
        SalesLock.lockEvent(em, hold.getEventId());
        if (!clock.instant().isBefore(hold.getExpiresAt())) {
            throw timeRanOut(event);
        }
        if (promo != null) {
            int counted = em.createNativeQuery("""
                            update promo_codes set used_count = used_count + 1, updated_at = now()
                            where id = ?1 and (usage_limit is null or used_count < usage_limit)""")
                    .setParameter(1, promo.getId()).executeUpdate();
            if (counted == 0) {
                throw new SaleRefusedException(Field.PROMO_CODE, "This code has been used up.");
            }
        }
        if (total == 0) {
            order.setStatus(OrderStatus.PAID);
            order.setPaidAt(now);
            order.setBuyerContactId(contact);
            em.flush();
            mails.confirmation(tickets.withStatus("paid"), OrderAccess.link(baseUrl, tickets.accountSlug(), token));
        } else if (provider.paysLater()) {
            mails.awaitingPayment(tickets, OrderAccess.link(baseUrl, tickets.accountSlug(), token));
        }
        openHolds.close(request.holdToken()); // the checkout is finished: the hold no longer counts for its address
        return placed(order, token, false);
    }

    /** The event of a checkout with its date, place and organizer, for the top of the page. */
    public CheckoutEvent event(UUID eventId) {
        return OrderTicketsQuery.event(events, eventId);
    }

    /**
     * After a declined card the buyer may still correct their name, email, the names on the tickets, their consent
     * and how they pay, without starting over: the order placed for the hold is still pending and keeps its tickets.
     * Switching to a way of paying later (bank transfer) sets its deadline and mails the payment instructions, as
     * placing the order that way would have. Only a pending order of this checkout that was not paid can change.
     */
    public PlacedOrder changePendingOrder(String orderAccessToken, OrderRequest request, String baseUrl) {
        Instant now = clock.instant();
        Order order = OrderAccess.find(em, orderAccessToken, true).orElseThrow(() -> new SaleRefusedException(
                Field.HOLD, "This checkout is not valid any more; please choose your tickets again."));
        if (order.getStatus() != OrderStatus.PENDING) {
            return placed(order, orderAccessToken, true);
        }
        if (order.getPaymentDeadline() != null && !now.isBefore(order.getPaymentDeadline())) {
            throw new SaleRefusedException(Field.HOLD, "The time to pay for this order ran out and its tickets went "
                    + "back on sale. Nothing was charged; please choose your tickets again.");
        }
        String buyerName = required(request.buyerName(), Field.BUYER, "name", "Enter your name.");
        String buyerEmail = email(request.buyerEmail(), Field.BUYER, "email");
        List<Attendee> attendees = em.createQuery("""
                        select a from Attendee a where a.order = :order order by a.createdAt, a.id""", Attendee.class)
                .setParameter("order", order).getResultList();
        List<OrderRequest.AttendeeName> names = request.attendees() == null ? List.of() : request.attendees();
        for (int i = 0; i < attendees.size(); i++) {
            OrderRequest.AttendeeName name = i < names.size() ? names.get(i) : null;
            if (name == null || blank(name.firstName()) || blank(name.lastName())) {
                throw new SaleRefusedException(Field.ATTENDEE, i, "Enter the first and last name of the person "
                        + "this ticket is for.");
            }
            if (!blank(name.email())) {
                email(name.email(), Field.ATTENDEE, i);
            }
        }
        PaymentProvider provider = providers.find(String.valueOf(request.paymentProvider()))
                .filter(p -> !FreeTickets.ID.equals(p.id()))
                .orElseThrow(() -> new SaleRefusedException(Field.PAYMENT, "Choose how you want to pay."));
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (!buyerName.equals(order.getBuyerName()) || !buyerEmail.equals(order.getBuyerEmail())) {
            before.put("buyer", order.getBuyerName() + " <" + order.getBuyerEmail() + ">");
            after.put("buyer", buyerName + " <" + buyerEmail + ">");
        }
        order.setBuyerName(buyerName);
        order.setBuyerEmail(buyerEmail);
        for (int i = 0; i < attendees.size(); i++) {
            Attendee attendee = attendees.get(i);
            OrderRequest.AttendeeName name = names.get(i);
            attendee.setFirstName(name.firstName().strip());
            attendee.setLastName(name.lastName().strip());
            attendee.setEmail(blank(name.email()) ? null : name.email().strip());
        }
        if (request.marketingConsent() != order.isMarketingConsent()) {
            order.setMarketingConsent(request.marketingConsent());
            order.setMarketingConsentAt(request.marketingConsent() ? now : null);
        }
        boolean switched = !provider.id().equals(order.getPaymentProvider());
        if (switched) {
            before.put("payment_provider", order.getPaymentProvider());
            after.put("payment_provider", provider.id());
            order.setPaymentProvider(provider.id());
            if (provider.paysLater()) {
                SaleEvent event = saleEvent(order.getEventId());
                Instant deadline = now.plus(provider.paymentWindow());
                if (event.startsAt().isAfter(now) && deadline.isAfter(event.startsAt())) {
                    deadline = event.startsAt();
                }
                order.setPaymentDeadline(deadline);
            }
        }
        if (!after.isEmpty()) {
            after.put("by", "buyer");
            audit.record("order.changed", "order", order.getId(), before, after).setEventId(order.getEventId());
        }
        em.flush();
        if (switched && provider.paysLater()) {
            OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
            mails.awaitingPayment(tickets, OrderAccess.link(baseUrl, tickets.accountSlug(), orderAccessToken));
        }
        return placed(order, orderAccessToken, true);
    }

    /** Refuses a hold that was given back or whose time ran out at {@code at}. */
    private static void requireLive(Hold hold, SaleEvent event, Instant at) {
        if (hold.getStatus() == HoldStatus.RELEASED) {
            throw new SaleRefusedException(Field.HOLD, "These tickets were given back; please choose your tickets "
                    + "again.");
        }
        if (!hold.isActiveAt(at)) {
            throw timeRanOut(event);
        }
    }

    private static SaleRefusedException timeRanOut(SaleEvent event) {
        return new SaleRefusedException(Field.HOLD, "Your tickets were held for " + event.holdFor().toMinutes()
                + " minutes and that time ran out, so they went back on sale. Please choose them again.");
    }

    /**
     * Pays a pending order through its provider. A paid order is never charged again (a double click, a retry);
     * a declined or timed-out charge is recorded and leaves the order pending until its deadline.
     */
    public PaymentAttempt pay(String orderAccessToken, Map<String, String> details, String baseUrl) {
        Instant now = clock.instant();
        // the order's row locked until the commit: a second click waits, then finds the order paid
        Order order = OrderAccess.find(em, orderAccessToken, true).orElseThrow(() -> new SaleRefusedException(
                Field.PAYMENT, "This order link is not valid."));
        if (order.getStatus() == OrderStatus.PAID) {
            return PaymentAttempt.success();
        }
        if (order.getStatus() != OrderStatus.PENDING) {
            return PaymentAttempt.refused("This order was " + order.getStatus().name().toLowerCase()
                    + " and can no longer be paid.");
        }
        if (order.getPaymentDeadline() != null && !now.isBefore(order.getPaymentDeadline())) {
            return PaymentAttempt.refused("The time to pay for this order ran out and its tickets went back on "
                    + "sale. Nothing was charged; please start again.");
        }
        PaymentProvider provider = providers.find(order.getPaymentProvider()).orElseThrow();
        if (provider.paysLater()) {
            return PaymentAttempt.refused("This order is paid by " + provider.label().toLowerCase()
                    + "; the organizer marks it paid when the money arrives.");
        }
        PaymentProvider.ChargeResult result = provider.charge(new PaymentProvider.ChargeRequest(order.getCode(),
                order.getTotalMinor(), order.getCurrency(), details == null ? Map.of() : details));
        Payment payment = new Payment(order, provider.id(), PaymentKind.CHARGE, order.getTotalMinor(),
                order.getCurrency());
        payment.setProviderRef(result.reference());
        payment.setStatus(result.succeeded() ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED);
        payment.setFailureReason(result.failureReason());
        em.persist(payment);
        if (!result.succeeded()) {
            audit.record("payment.failed", "order", order.getId(), null,
                    Map.of("provider", provider.id(), "outcome", result.outcome().name().toLowerCase()))
                    .setEventId(order.getEventId());
            return PaymentAttempt.refused(result.failureReason());
        }
        // flushes the payment: none of it under the lock
        OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
        String link = OrderAccess.link(baseUrl, tickets.accountSlug(), orderAccessToken);
        UUID contact = trail.orderPaid(order, tickets.validTickets().size(), Map.of("status", "pending"),
                Map.of("status", "paid", "provider", provider.id(), "amount_minor", order.getTotalMinor()), now,
                auditId -> mails.confirmation(tickets.withStatus("paid"), link, auditId));
        keepTicketsOfPaidOrder(order, provider, result.reference());
        order.setStatus(OrderStatus.PAID);
        order.setPaidAt(now);
        order.setBuyerContactId(contact);
        em.flush();
        return PaymentAttempt.success();
    }

    /**
     * The last step of a payment, under the sales lock until the commit: the order's tickets counted as pending only
     * until its deadline, and a count that ran after the deadline may have sold them to someone else while the
     * charge was on its way. So the deadline is checked again under the lock (a count that ran before took the same
     * lock, with an earlier clock): still before it, nothing can have happened; after it, the tickets are kept only
     * if they are all still free, and otherwise the charge is refunded and the payment refused (everything of it
     * rolled back). Everything else of the payment was written before the lock, so the lock is held only for this
     * check, the status change and the commit.
     */
    private void keepTicketsOfPaidOrder(Order order, PaymentProvider provider, String chargeReference) {
        SalesLock.lockEvent(em, order.getEventId());
        Instant now = clock.instant();
        if (order.getPaymentDeadline() == null || now.isBefore(order.getPaymentDeadline())) {
            return;
        }
        Stock stock = Inventory.of(em, order.getEventId(), now);
        Map<UUID, Integer> wanted = new HashMap<>();
        order.getLines().forEach(l -> wanted.merge(l.getTicket().getId(), l.getQuantity(), Integer::sum));
        if (!stock.hasRoomFor(wanted)) {
            PaymentProvider.ChargeResult refund = provider.refund(chargeReference, order.getTotalMinor(),
                    order.getCurrency());
            LOG.warning(() -> "Order " + order.getCode() + ": paid after its deadline (" + order.getPaymentDeadline()
                    + ") while its tickets were sold to others; charge " + chargeReference + " refunded: "
                    + (refund.succeeded() ? "yes, " + refund.reference() : "NO: " + refund.failureReason()));
            throw new SaleRefusedException(Field.PAYMENT, "The time to pay for this order ran out while your payment "
                    + "was on its way, and its tickets went to other buyers. Your payment was refunded; please "
                    + "start again.");
        }
    }

    /** The order behind a private link, as its buyer sees it; empty for a wrong or tampered link. */
    public Optional<OrderTickets> order(String orderAccessToken) {
        return orderByToken(orderAccessToken).map(o -> OrderTicketsQuery.of(em, events, o));
    }

    /** The PDF of the order's valid tickets; empty for a wrong link or an order that is not paid. */
    public Optional<byte[]> ticketPdf(String orderAccessToken) {
        return order(orderAccessToken).filter(OrderTickets::paid).map(TicketPdf::render);
    }

    /** The buyer corrects the name on one of their tickets; allowed until the event starts. */
    public void renameAttendee(String orderAccessToken, UUID attendeeId, String firstName, String lastName) {
        Order order = orderByToken(orderAccessToken).orElseThrow(() -> new SaleRefusedException(Field.HOLD,
                "This order link is not valid."));
        if (!saleEvent(order.getEventId()).startsAt().isAfter(clock.instant())) {
            throw new SaleRefusedException(Field.ATTENDEE, attendeeId,
                    "The event has started, so names can no longer be changed.");
        }
        Attendee attendee = em.find(Attendee.class, attendeeId);
        if (attendee == null || !attendee.getOrder().getId().equals(order.getId())) {
            throw new SaleRefusedException(Field.ATTENDEE, attendeeId, "This ticket is not part of the order.");
        }
        if (blank(firstName) || blank(lastName)) {
            throw new SaleRefusedException(Field.ATTENDEE, attendeeId,
                    "Enter the first and last name of the person this ticket is for.");
        }
        String before = attendee.getFirstName() + " " + attendee.getLastName();
        attendee.setFirstName(required(firstName, Field.ATTENDEE, attendeeId, ""));
        attendee.setLastName(required(lastName, Field.ATTENDEE, attendeeId, ""));
        audit.record("attendee.renamed", "order", order.getId(), Map.of("name", before),
                Map.of("name", attendee.getFirstName() + " " + attendee.getLastName(), "by", "buyer"))
                .setEventId(order.getEventId());
    }

    /**
     * "I lost my email": mails the links of every order placed with this address in this account. Says nothing
     * about whether there are any (the page shows the same sentence either way). Limits: {@code address} (the
     * client's) may ask {@link Limits#ORDER_LINKS_PER_ADDRESS} times (then {@link TooManyAttemptsException}, nothing
     * done); one email gets at most {@link Limits#ORDER_LINKS_PER_EMAIL} such mails, from all organizers together
     * (more requests are answered as usual and send nothing).
     */
    public void sendOrderLinks(String email, String baseUrl, String address) {
        limiter.tryAcquire(Limits.ORDER_LINKS_PER_ADDRESS, AddressKey.of(address)).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        if (blank(email)
                || limiter.tryAcquire(Limits.ORDER_LINKS_PER_EMAIL, email.strip().toLowerCase(Locale.ROOT)).isPresent()) {
            return;
        }
        List<Order> found = em.createQuery("select o from Order o where lower(o.buyerEmail) = lower(:email) "
                        + "order by o.placedAt desc", Order.class)
                .setParameter("email", email.strip()).setMaxResults(20).getResultList();
        if (found.isEmpty()) {
            return;
        }
        List<Map.Entry<OrderTickets, String>> links = new ArrayList<>();
        for (Order o : found) {
            OrderTickets tickets = OrderTicketsQuery.of(em, events, o);
            links.add(Map.entry(tickets, OrderAccess.link(baseUrl, tickets.accountSlug(), access.token(o))));
        }
        mails.orderLinks(found.get(0).getBuyerEmail(), links);
    }

    /** The order behind a private order-page token. */
    Optional<Order> orderByToken(String token) {
        return OrderAccess.find(em, token);
    }

    private Optional<PlacedOrder> byIdempotencyKey(String key) {
        if (blank(key)) {
            return Optional.empty();
        }
        return em.createQuery("select o from Order o where o.idempotencyKey = :key", Order.class)
                .setParameter("key", key).getResultStream().findFirst().map(o -> placed(o, null, true));
    }

    private static PlacedOrder placed(Order o, String token, boolean existing) {
        return new PlacedOrder(o.getId(), o.getCode(), token, o.getStatus().name().toLowerCase(), o.getTotalMinor(),
                o.getCurrency(), o.getPaymentProvider(), o.getPaymentDeadline(), existing);
    }

    private Optional<Hold> hold(String token) {
        return hold(token, false);
    }

    /** The hold of a checkout link; {@code lock}: its row locked until the transaction ends. */
    private Optional<Hold> hold(String token, boolean lock) {
        if (blank(token)) {
            return Optional.empty();
        }
        var query = em.createQuery("select h from Hold h where h.token = :token", Hold.class)
                .setParameter("token", token);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    private HoldView view(Hold hold, Instant now) {
        List<HoldView.Line> lines = price(hold.getLines().stream()
                .map(l -> Map.entry(l.getTicket(), l.getQuantity())).toList(), hold.getPromoCode());
        String currency = hold.getLines().isEmpty() ? saleEvent(hold.getEventId()).currency()
                : hold.getLines().get(0).getTicket().getCurrency();
        return new HoldView(hold.getToken(), hold.getEventId(), hold.getExpiresAt(),
                hold.getStatus() == HoldStatus.ACTIVE && !hold.isActiveAt(now),
                hold.getStatus() == HoldStatus.CONVERTED,
                hold.getPromoCode() == null ? null : hold.getPromoCode().getCode(), currency, lines);
    }

    /** The lines priced by {@link Pricing}, as a hold shows them. */
    static List<HoldView.Line> price(List<Map.Entry<Ticket, Integer>> lines, PromoCode promo) {
        return Pricing.price(lines, promo).stream().map(l -> new HoldView.Line(l.ticketId(), l.name(), l.quantity(),
                l.unitPriceMinor(), l.discountMinor())).toList();
    }

    private static boolean unlocks(PromoCode promo, Ticket ticket) {
        return promo != null && promo.unlocks(ticket.getId());
    }

    private static void checkRules(Ticket ticket, int quantity, Instant now) {
        String name = "“" + ticket.getName() + "”";
        if (quantity < 0) {
            throw new SaleRefusedException(Field.QUANTITY, ticket.getId(), "Choose a quantity of zero or more.");
        }
        if (ticket.isPaused()) {
            throw new SaleRefusedException(Field.QUANTITY, ticket.getId(), "Sales of " + name + " are paused.");
        }
        if (ticket.getSalesStart() != null && now.isBefore(ticket.getSalesStart())) {
            throw new SaleRefusedException(Field.QUANTITY, ticket.getId(), name + " is not on sale yet.");
        }
        if (ticket.getSalesEnd() != null && !now.isBefore(ticket.getSalesEnd())) {
            throw new SaleRefusedException(Field.QUANTITY, ticket.getId(), "Sales of " + name + " have ended.");
        }
        if (quantity < ticket.getMinPerOrder()) {
            throw new SaleRefusedException(Field.QUANTITY, ticket.getId(),
                    name + " is sold in orders of at least " + ticket.getMinPerOrder() + ".");
        }
        if (quantity > ticket.getMaxPerOrder()) {
            throw new SaleRefusedException(Field.QUANTITY, ticket.getId(), "You can buy at most "
                    + ticket.getMaxPerOrder() + " " + name + (ticket.getMaxPerOrder() == 1 ? " ticket" : " tickets")
                    + " per order.");
        }
    }

    private PromoCode promo(UUID eventId, String code, Instant now) {
        PromoCode promo = em.createQuery(
                        "select p from PromoCode p where p.eventId = :event and lower(p.code) = lower(:code)",
                        PromoCode.class)
                .setParameter("event", eventId).setParameter("code", code).getResultStream().findFirst()
                .orElseThrow(() -> new SaleRefusedException(Field.PROMO_CODE, "This code is not valid for this event."));
        String problem = promo.unusableReason(now);
        if (problem != null) {
            throw new SaleRefusedException(Field.PROMO_CODE, problem);
        }
        return promo;
    }

    private String orderCode() {
        while (true) {
            String code = RandomTokens.humanCode(8);
            if (em.createNativeQuery("select 1 from orders where code = ?1").setParameter(1, code)
                    .getResultList().isEmpty()) {
                return code;
            }
        }
    }

    /** What the sale needs to know of the event, read without the event context's entities. */
    record SaleEvent(String status, String visibility, Instant startsAt, Instant endsAt, String currency,
                     Duration holdFor) {

        void requireOnSale(Instant now) {
            if ("cancelled".equals(status)) {
                throw new SaleRefusedException(Field.EVENT, "This event was cancelled; its tickets are no longer sold.");
            }
            if (!"published".equals(status) || "private".equals(visibility)) {
                throw new SaleRefusedException(Field.EVENT, "Tickets for this event are not on sale.");
            }
            if (!endsAt.isAfter(now)) {
                throw new SaleRefusedException(Field.EVENT, "This event is over; its tickets are no longer sold.");
            }
        }
    }

    SaleEvent saleEvent(UUID eventId) {
        EventFacts.SaleTerms e = events.forSale(eventId).orElseThrow(
                () -> new SaleRefusedException(Field.EVENT, "Tickets for this event are not on sale."));
        return new SaleEvent(e.status(), e.visibility(), e.startsAt(), e.endsAt(), e.currency(),
                e.holdMinutes() == null ? DEFAULT_HOLD : Duration.ofMinutes(e.holdMinutes()));
    }

    /** The longest name (a buyer's, an attendee's first or last name) and email address a checkout keeps. */
    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;

    private static String required(String value, Field field, Object subject, String sentence) {
        if (blank(value)) {
            throw new SaleRefusedException(field, subject, sentence);
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > NAME_MAX) {
            throw new SaleRefusedException(field, subject, "Use at most " + NAME_MAX + " characters.");
        }
        return stripped;
    }

    private static String email(String value, Field field, Object subject) {
        if (blank(value)) {
            throw new SaleRefusedException(field, subject, "Enter an email address.");
        }
        String email = value.strip();
        if (email.length() > EMAIL_MAX) {
            throw new SaleRefusedException(field, subject, "An email address has at most " + EMAIL_MAX + " characters.");
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            if (!email.contains("@") || !email.substring(email.indexOf('@')).contains(".")) {
                throw new AddressException();
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw new SaleRefusedException(field, subject, "“" + email + "” is not an email address we can send to.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
