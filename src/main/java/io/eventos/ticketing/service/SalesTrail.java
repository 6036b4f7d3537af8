package io.eventos.ticketing.service;

import io.eventos.account.domain.AuditEntry;
import io.eventos.analytics.service.Facts;
import io.eventos.crm.domain.ActivityKind;
import io.eventos.crm.service.BuyerContacts;
import io.eventos.ticketing.domain.Order;
import io.eventos.ticketing.domain.OrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What each step of a sale leaves besides the audit record, in the same transaction: an analytics fact for the
 * funnel (hold → order → paid, and cancellations and refunds), and, once an order is paid, the buyer as a CRM
 * contact of the account with the order on their timeline (later cancellations and refunds too). Called by the
 * checkout and by the organizer's order actions right after their audit record.
 */
@ApplicationScoped
public class SalesTrail {

    @Inject
    Facts facts;
    @Inject
    BuyerContacts contacts;

    void holdCreated(UUID eventId, long tickets, boolean promo, Instant at) {
        facts.record(eventId, Facts.HOLD_CREATED, tickets, 0, null, Map.of("promo", promo), at);
    }

    void orderPlaced(Order order, Instant at) {
        facts.record(order.getEventId(), Facts.ORDER_PLACED, 1, order.getTotalMinor(), order.getCurrency(),
                dimensions(order), at);
    }

    /**
     * The order was paid (or was free): a fact, and the buyer's contact with an "order paid" activity. Returns the
     * contact, which the caller links to the order ({@code buyer_contact_id}) together with its paid status, so the
     * order's row is written once.
     */
    UUID orderPaid(Order order, AuditEntry audit, Instant at) {
        facts.record(order.getEventId(), Facts.ORDER_PAID, 1, order.getTotalMinor(), order.getCurrency(),
                dimensions(order), at);
        UUID contact = contacts.buyer(order.getBuyerName(), order.getBuyerEmail(), order.isMarketingConsent(),
                order.getMarketingConsentAt() == null ? at : order.getMarketingConsentAt(),
                "order " + order.getCode());
        int tickets = tickets(order);
        contacts.activityAfterUpsert(contact, ActivityKind.ORDER_PAID, "Order " + order.getCode() + " paid: " + tickets
                        + (tickets == 1 ? " ticket, " : " tickets, ") + Money.format(order.getTotalMinor(),
                        order.getCurrency()), order.getEventId(), audit.getId(), activityData(order), at);
        return contact;
    }

    /** The order was cancelled (by the organizer, the buyer, or a full refund). */
    void orderCancelled(Order order, AuditEntry audit, Instant at) {
        facts.record(order.getEventId(), Facts.ORDER_CANCELLED, 1, 0, null, dimensions(order), at);
        if (order.getBuyerContactId() != null) {
            contacts.activity(order.getBuyerContactId(), ActivityKind.ORDER_CANCELLED, "Order " + order.getCode()
                    + " cancelled", order.getEventId(), audit.getId(), activityData(order), at);
        }
    }

    /** Money went back for {@code tickets} tickets of the order (all of them: it is cancelled too). */
    void refunded(Order order, long amountMinor, int tickets, boolean all, AuditEntry audit, Instant at) {
        Map<String, Object> dimensions = dimensions(order);
        dimensions.put("tickets", tickets);
        facts.record(order.getEventId(), Facts.ORDER_REFUNDED, 1, amountMinor, order.getCurrency(), dimensions, at);
        if (all) {
            orderCancelled(order, audit, at);
        } else if (order.getBuyerContactId() != null) {
            contacts.activity(order.getBuyerContactId(), ActivityKind.OTHER, "Order " + order.getCode() + ": "
                    + tickets + (tickets == 1 ? " ticket" : " tickets") + " refunded, "
                    + Money.format(amountMinor, order.getCurrency()), order.getEventId(), audit.getId(),
                    activityData(order), at);
        }
    }

    private static Map<String, Object> dimensions(Order order) {
        Map<String, Object> dimensions = new LinkedHashMap<>();
        dimensions.put("provider", order.getPaymentProvider() == null ? "none" : order.getPaymentProvider());
        dimensions.put("promo", order.getPromoCode() != null);
        return dimensions;
    }

    private static Map<String, Object> activityData(Order order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", order.getId().toString());
        data.put("code", order.getCode());
        data.put("total_minor", order.getTotalMinor());
        data.put("refunded_minor", order.getRefundedMinor());
        data.put("currency", order.getCurrency());
        return data;
    }

    private static int tickets(Order order) {
        return order.getLines().stream().mapToInt(OrderLine::getQuantity).sum();
    }
}
