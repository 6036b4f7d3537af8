package io.eventos.ticketing.service;

import io.eventos.account.service.AuditLog;
import io.eventos.event.service.EventFacts;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.Order;
import io.eventos.ticketing.domain.OrderStatus;
import io.eventos.ticketing.domain.RefundRequestOutcome;
import io.eventos.ticketing.service.CancellationTerms.State;
import io.eventos.ticketing.service.SaleRefusedException.Field;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer cancels their own order, or asks for a refund, from the private order page, as far as the event's
 * {@link CancellationPolicy} allows. The secret link is the buyer's only credential (no permission to check); the
 * policy and its deadline are checked here, under the order's row lock, and the work itself is the organizer's
 * ({@link OrderCancellation}), so both write the same record and a second click finds the order already cancelled
 * instead of refunding it again.
 */
@Stateless
@TenantBound
public class BuyerCancellationService {

    /** The longest reason a buyer can give for a refund request. */
    public static final int MAX_NOTE = 1000;

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    EventFacts events;

    @Inject
    AuditLog audit;

    @Inject
    OrderCancellation cancellation;

    @Inject
    OrderAccess access;

    @Inject
    OrderMails mails;

    Clock clock = Clock.systemUTC();

    /** What the buyer of the order behind this link may do about cancelling it; empty for a wrong link. */
    public Optional<CancellationTerms> terms(String orderAccessToken) {
        return OrderAccess.find(em, orderAccessToken).map(o -> terms(o, clock.instant()));
    }

    /**
     * Cancels the order as the policy allows, refunding in full what was paid. Cancelling an order that is already
     * cancelled (a second click) changes nothing and answers as the first time. Mails the buyer after the commit.
     *
     * @return the terms after cancelling (state {@link State#OVER}) and what was refunded altogether
     */
    public BuyerCancelled cancel(String orderAccessToken, String baseUrl) {
        Order order = cancellation.lock(byToken(orderAccessToken));
        if (order.getStatus() == OrderStatus.CANCELLED) {
            return new BuyerCancelled(order.getRefundedMinor(), order.getCurrency(),
                    order.getRefundedMinor() > 0 && cancellation.refundsByHand(order), true);
        }
        Instant now = clock.instant();
        CancellationTerms terms = terms(order, now);
        if (!terms.canCancel()) {
            throw new SaleRefusedException(Field.CANCELLATION, terms.state() == State.CAN_REQUEST
                    ? "This order can only be refunded on request; send the request below."
                    : refusal(terms));
        }
        long refunded = 0;
        try {
            if (terms.refundMinor() > 0) {
                refunded = cancellation.refund(order, null, OrderCancellation.Actor.BUYER, now);
            } else {
                cancellation.cancel(order, null, OrderCancellation.Actor.BUYER, now);
            }
        } catch (TicketingException refused) {
            throw new SaleRefusedException(Field.CANCELLATION, refused.getMessage() + " Nothing was changed; please "
                    + "try again later or write to " + terms.contact() + ".");
        }
        em.flush();
        OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
        mails.cancelled(tickets, OrderAccess.link(baseUrl, tickets.accountSlug(), orderAccessToken), refunded,
                terms.byHand());
        return new BuyerCancelled(refunded, order.getCurrency(), terms.byHand() && refunded > 0, false);
    }

    /**
     * Asks the organizer for a refund (policy "on request"), with an optional reason. Asking again while the first
     * request is open changes nothing. Mails the buyer a receipt and the organizer a notice, after the commit.
     */
    public void requestRefund(String orderAccessToken, String reason, String baseUrl) {
        Order order = cancellation.lock(byToken(orderAccessToken));
        Instant now = clock.instant();
        CancellationTerms terms = terms(order, now);
        if (terms.state() == State.REQUESTED) {
            return;
        }
        if (!terms.canRequest()) {
            throw new SaleRefusedException(Field.CANCELLATION, refusal(terms));
        }
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new SaleRefusedException(Field.CANCELLATION, "reason", "Please keep the reason under " + MAX_NOTE
                    + " characters (it has " + note.length() + ").");
        }
        order.requestRefund(now, note);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("refund_request", "open");
        after.put("amount_minor", terms.refundMinor());
        after.put("by", OrderCancellation.Actor.BUYER.code());
        if (note != null) {
            after.put("reason", note);
        }
        audit.record("order.refund_requested", "order", order.getId(), null, after).setEventId(order.getEventId());
        em.flush();
        OrderTickets tickets = OrderTicketsQuery.of(em, events, order);
        mails.refundRequested(tickets, OrderAccess.link(baseUrl, tickets.accountSlug(), orderAccessToken));
        if (tickets.organizerEmail() != null) {
            mails.refundRequestToOrganizer(tickets.organizerEmail(), tickets, note,
                    baseUrl + "/app/order.xhtml?id=" + order.getId());
        }
    }

    private static String refusal(CancellationTerms terms) {
        return terms.state() == State.OVER ? "This order is no longer valid, so there is nothing to cancel."
                : terms.sentence();
    }

    private Order byToken(String token) {
        return OrderAccess.find(em, token).orElseThrow(() -> new SaleRefusedException(Field.HOLD,
                "This order link is not valid."));
    }

    /** The terms of one order at {@code now}: its state, the policy, the event's start and whom to write to. */
    CancellationTerms terms(Order order, Instant now) {
        EventFacts.ForBuyers event = events.forBuyers(order.getEventId()).orElseThrow(
                () -> new jakarta.persistence.NoResultException("No such event: " + order.getEventId()));
        Instant startsAt = event.startsAt();
        String zone = event.timeZone();
        String contact = event.organizerEmail() != null ? event.organizerEmail() : event.accountName();
        CancellationPolicy policy = CancellationPolicy.forEvent(events, order.getEventId());
        Instant deadline = policy.kind() == CancellationPolicy.Kind.NONE ? null : policy.deadline(startsAt);
        boolean paid = order.getStatus() == OrderStatus.PAID;
        long refundable = paid ? order.getTotalMinor() - order.getRefundedMinor() : 0;
        boolean unpaidButOpen = order.getStatus() == OrderStatus.PENDING
                && (order.getPaymentDeadline() == null || now.isBefore(order.getPaymentDeadline()));
        State state;
        if (!paid && !unpaidButOpen) {
            state = State.OVER;
        } else if (order.getRefundRequestOutcome() == RefundRequestOutcome.DECLINED) {
            state = State.DECLINED;
        } else if (order.hasOpenRefundRequest()) {
            state = State.REQUESTED;
        } else if (policy.kind() == CancellationPolicy.Kind.NONE) {
            state = State.NOT_ALLOWED;
        } else if (!policy.openAt(now, startsAt)) {
            state = State.CLOSED;
        } else if (policy.kind() == CancellationPolicy.Kind.REQUEST && refundable > 0) {
            state = State.CAN_REQUEST;
        } else {
            state = State.CAN_CANCEL;
        }
        boolean byHand = refundable > 0 && cancellation.refundsByHand(order);
        return new CancellationTerms(state, deadline, zone, refundable, order.getCurrency(), byHand, contact,
                order.getRefundRequestedAt(), order.getRefundRequestNote(), order.getRefundRequestReply());
    }
}
