package io.eventos.ticketing.service;

import io.eventos.account.domain.AuditEntry;
import io.eventos.account.service.AuditLog;
import io.eventos.crm.service.BuyerContacts;
import io.eventos.ticketing.domain.Attendee;
import io.eventos.ticketing.domain.AttendeeStatus;
import io.eventos.ticketing.domain.Order;
import io.eventos.ticketing.domain.OrderLine;
import io.eventos.ticketing.domain.OrderStatus;
import io.eventos.ticketing.domain.Payment;
import io.eventos.ticketing.domain.PaymentKind;
import io.eventos.ticketing.domain.PaymentStatus;
import io.eventos.ticketing.domain.RefundRequestOutcome;
import io.eventos.ticketing.service.payment.PaymentProvider;
import io.eventos.ticketing.service.payment.PaymentProviders;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The one way an order is cancelled or refunded, whoever asks: the organizer ({@link OrderService}, after its
 * permission check) or the buyer ({@link BuyerCancellationService}, after the token and the event's cancellation
 * policy). Callers lock the order's row first ({@link #lock}) so that two clicks, or the buyer and the organizer at
 * once, can never refund twice: the second waits for the first and then sees its result. Every path writes the same
 * business record, with who acted ({@code "by": "organizer"} or {@code "buyer"}), and the same analytics fact and
 * CRM activity ({@link SalesTrail}). Giving tickets back needs no sales lock: it only makes room.
 */
@Dependent
class OrderCancellation {

    /** Who asked, as the business record says it. */
    enum Actor {
        ORGANIZER, BUYER;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    BuyerContacts contacts;

    @Inject
    PaymentProviders providers;

    @Inject
    SalesTrail trail;

    /**
     * Locks the order's row until the transaction ends and reads it afresh (what another click changed counts), then
     * its buyer's contact row: a cancellation or refund moves ticket rows (the sold count's triggers) and then writes
     * the contact's timeline, while a payment of the same buyer's other order takes the contact before the sales lock
     * and the ticket rows; taking the contact here first keeps one order of locks (docs/architecture.md).
     */
    Order lock(Order order) {
        em.refresh(order, LockModeType.PESSIMISTIC_WRITE);
        if (order.getBuyerContactId() != null) {
            contacts.lock(order.getBuyerContactId());
        }
        return order;
    }

    /** Cancels an order that is unpaid or free (already cancelled: nothing happens); its tickets go back on sale. */
    void cancel(Order order, String reason, Actor by, Instant now) {
        if (order.getStatus() == OrderStatus.CANCELLED) {
            return;
        }
        if (order.getStatus() == OrderStatus.PAID && order.getTotalMinor() - order.getRefundedMinor() > 0) {
            throw new TicketingException(null, "This order was paid; refund it to cancel it, so the buyer gets the "
                    + "money back.");
        }
        String before = label(order.getStatus());
        validAttendees(order).forEach(a -> a.setStatus(AttendeeStatus.CANCELLED));
        order.setStatus(OrderStatus.CANCELLED);
        order.setCancelledAt(now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "cancelled");
        after.put("by", by.code());
        if (reason != null && !reason.isBlank()) {
            after.put("reason", reason.strip());
        }
        closeOpenRequest(order, now, after);
        AuditEntry cancelled = audit.record("order.cancelled", "order", order.getId(), Map.of("status", before),
                after);
        cancelled.setEventId(order.getEventId());
        trail.orderCancelled(order, cancelled, now);
    }

    /**
     * Refunds some tickets of a paid order ({@code attendeeIds} null: every valid ticket, a full refund, which also
     * cancels the order). Each ticket gives back what was paid for it; their places go back on sale at once.
     * Returns the amount refunded.
     */
    long refund(Order order, Collection<UUID> attendeeIds, Actor by, Instant now) {
        if (order.getStatus() != OrderStatus.PAID) {
            throw new TicketingException(null, "Only a paid order can be refunded; this one is "
                    + label(order.getStatus()) + ".");
        }
        List<Attendee> valid = validAttendees(order);
        List<Attendee> chosen = attendeeIds == null ? valid
                : valid.stream().filter(a -> attendeeIds.contains(a.getId())).toList();
        if (chosen.isEmpty()) {
            throw new TicketingException("tickets", "Choose the tickets to refund.");
        }
        long amount = 0;
        Map<UUID, Integer> leftOnLine = new HashMap<>();
        valid.forEach(a -> leftOnLine.merge(a.getOrderLine().getId(), 1, Integer::sum));
        for (Attendee attendee : chosen) {
            OrderLine line = attendee.getOrderLine();
            int left = leftOnLine.merge(line.getId(), -1, Integer::sum);
            long share = line.getTotalMinor() / line.getQuantity(); // the line's last ticket also gets the rounding
            amount += share + (left == 0 ? line.getTotalMinor() - share * line.getQuantity() : 0);
            attendee.setStatus(AttendeeStatus.REFUNDED);
        }
        amount = Math.min(amount, order.getTotalMinor() - order.getRefundedMinor());
        if (amount > 0) {
            PaymentProvider provider = provider(order);
            String chargeRef = em.createQuery("""
                            select p.providerRef from Payment p where p.order = :order and p.kind = :charge
                            and p.status = :ok order by p.createdAt desc""", String.class)
                    .setParameter("order", order).setParameter("charge", PaymentKind.CHARGE)
                    .setParameter("ok", PaymentStatus.SUCCEEDED).getResultStream().findFirst().orElse(null);
            PaymentProvider.ChargeResult result = provider.refund(chargeRef, amount, order.getCurrency());
            if (!result.succeeded()) {
                throw new TicketingException(null, "The payment provider refused the refund: "
                        + result.failureReason());
            }
            Payment refund = new Payment(order, provider.id(), PaymentKind.REFUND, amount, order.getCurrency());
            refund.setStatus(PaymentStatus.SUCCEEDED);
            refund.setProviderRef(result.reference());
            em.persist(refund);
        }
        long refundedBefore = order.getRefundedMinor();
        order.setRefundedMinor(refundedBefore + amount);
        boolean all = chosen.size() == valid.size();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("refunded_minor", order.getRefundedMinor());
        after.put("tickets", chosen.size());
        after.put("amount_minor", amount);
        after.put("names", chosen.stream().map(a -> (a.getFirstName() + " " + a.getLastName()).strip()).toList());
        after.put("by", by.code());
        if (all) {
            order.setStatus(OrderStatus.CANCELLED);
            order.setCancelledAt(now);
            closeOpenRequest(order, now, after);
        }
        AuditEntry refunded = audit.record(all ? "order.refunded" : "order.partially_refunded", "order",
                order.getId(), Map.of("refunded_minor", refundedBefore), after);
        refunded.setEventId(order.getEventId());
        trail.refunded(order, amount, chosen.size(), all, refunded, now);
        return amount;
    }

    /** True if the order's money goes back by the organizer's own hand (a bank transfer), not through a gateway. */
    boolean refundsByHand(Order order) {
        return provider(order).paysLater();
    }

    List<Attendee> validAttendees(Order order) {
        return em.createQuery("""
                        select a from Attendee a join fetch a.orderLine join fetch a.ticket
                        where a.order = :order and a.status = :valid order by a.createdAt, a.id""", Attendee.class)
                .setParameter("order", order).setParameter("valid", AttendeeStatus.VALID).getResultList();
    }

    /** A request still open when the order ends is answered by that: the buyer got what they asked for. */
    private static void closeOpenRequest(Order order, Instant now, Map<String, Object> after) {
        if (order.hasOpenRefundRequest()) {
            order.decideRefundRequest(now, RefundRequestOutcome.APPROVED, null);
            after.put("refund_request", "approved");
        }
    }

    private PaymentProvider provider(Order order) {
        return providers.find(String.valueOf(order.getPaymentProvider()))
                .orElseGet(() -> providers.find("offline").orElseThrow());
    }

    static String label(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
