package io.eventos.ticketing.service;

import io.eventos.account.domain.AuditEntry;
import io.eventos.account.service.AuditLog;
import io.eventos.analytics.service.Facts;
import io.eventos.crm.domain.ActivityKind;
import io.eventos.crm.service.BuyerContacts;
import io.eventos.platform.persistence.OneStatement;
import io.eventos.ticketing.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What each step of a sale leaves besides its own rows, in the same transaction: the audit record, an analytics fact
 * for the funnel (hold → order → paid, and cancellations and refunds), and, once an order is paid, the buyer as a CRM
 * contact of the account with the order on their timeline (later cancellations and refunds too) and as the event they
 * bought for (the CRM's event behaviour, V36). The checkout's steps
 * (hold, order, payment, and an organizer marking an order paid) write their records here, all of a step in one
 * statement ({@link OneStatement}: one round trip instead of up to five); cancellations and refunds are called right
 * after their audit record.
 */
@ApplicationScoped
public class SalesTrail {

    @Inject
    Facts facts;
    @Inject
    BuyerContacts contacts;
    @Inject
    AuditLog auditLog;
    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** A hold was created: its audit entry ("hold.created", {@code after}) and the funnel fact, in one statement. */
    void holdCreated(UUID eventId, UUID holdId, long tickets, boolean promo, Map<String, ?> after, Instant at) {
        new OneStatement()
                .add("audit", auditLog.insert(UUID.randomUUID(), "hold.created", "hold", holdId, eventId, null, after))
                .query(em, facts.insert(eventId, Facts.HOLD_CREATED, tickets, 0, null, Map.of("promo", promo), at))
                .executeUpdate();
    }

    /**
     * A hold became an order of {@code tickets} tickets: its audit entry ("order.placed", {@code after}) and the
     * funnel fact, and for an order that costs nothing ({@code paidAtOnce}) also what {@link #orderPaid} writes; one
     * statement. Returns the buyer's contact of a free order (the caller links it to the order with its paid
     * status), else null.
     */
    UUID orderPlaced(Order order, int tickets, Map<String, ?> after, boolean paidAtOnce, Instant at) {
        UUID auditId = UUID.randomUUID();
        OneStatement records = new OneStatement()
                .add("audit", auditLog.insert(auditId, "order.placed", "order", order.getId(), order.getEventId(), null,
                        after))
                .add("placed", facts.insert(order.getEventId(), Facts.ORDER_PLACED, 1, order.getTotalMinor(),
                        order.getCurrency(), dimensions(order), at));
        if (!paidAtOnce) {
            records.query(em, new OneStatement.Part("select 1")).getResultList();
            return null;
        }
        return paid(records, order, tickets, auditId, null, at);
    }

    /**
     * The order was paid (or marked paid): its audit entry ("order.paid", {@code before} → {@code after}), a fact,
     * the buyer's contact with an "order paid" activity (saying how many {@code tickets}) and, when given, the
     * confirmation email for the outbox ({@code mail}, made with the audit entry's id), in one statement. Returns the
     * contact, which the caller links to the order ({@code buyer_contact_id}) together with its paid status, so the
     * order's row is written once. The order's attendees with an email become contacts in the same statement.
     */
    UUID orderPaid(Order order, int tickets, Map<String, ?> before, Map<String, ?> after, Instant at,
                   Function<UUID, OneStatement.Part> mail) {
        UUID auditId = UUID.randomUUID();
        return paid(new OneStatement().add("audit", auditLog.insert(auditId, "order.paid", "order", order.getId(),
                order.getEventId(), before, after)), order, tickets, auditId, mail, at);
    }

    private UUID paid(OneStatement records, Order order, int tickets, UUID auditId,
                      Function<UUID, OneStatement.Part> mail, Instant at) {
        if (mail != null) {
            records.add("mail", mail.apply(auditId));
        }
        records.add("paid", facts.insert(order.getEventId(), Facts.ORDER_PAID, 1, order.getTotalMinor(),
                        order.getCurrency(), dimensions(order), at))
                .add("contact", contacts.upsert(order.getBuyerName(), order.getBuyerEmail(),
                        order.isMarketingConsent(),
                        order.getMarketingConsentAt() == null ? at : order.getMarketingConsentAt(),
                        "order " + order.getCode()))
                .add("attendee_people", attendeesWithEmail(order.getId()))
                .add("attendee_contacts", contacts.peopleUpserts("attendee_people", order.getBuyerEmail(), at))
                .add("contact_addresses", contacts.contactsByAddress("attendee_contacts", "contact",
                        order.getBuyerEmail()))
                .add("attendee_links", linkAttendees("contact_addresses", order.getId()));
        if (order.isMarketingConsent()) { // an address merged into another contact: the survivor consents too
            records.add("contact_consent", contacts.consentAtMergedAddress("contact", "attendee_contacts",
                    order.getMarketingConsentAt() == null ? at : order.getMarketingConsentAt(),
                    "order " + order.getCode()));
        }
        Object contact = contacts.addActivityOf(records, "activity", "contact", ActivityKind.ORDER_PAID, "Order "
                        + order.getCode() + " paid: " + tickets + (tickets == 1 ? " ticket, " : " tickets, ")
                        + Money.format(order.getTotalMinor(), order.getCurrency()), order.getEventId(), auditId,
                        activityData(order), at)
                .query(em, new OneStatement.Part("select id from contact")).getSingleResult();
        return contact instanceof UUID uuid ? uuid : UUID.fromString(contact.toString());
    }

    /**
     * The order's attendees who have an email, as the CRM's {@link BuyerContacts#peopleUpserts} reads them
     * ({@code id, email, first_name, last_name}): ticketing says who its attendees are, the CRM makes them contacts.
     */
    static OneStatement.Part attendeesWithEmail(UUID orderId) {
        return new OneStatement.Part("select id, email, first_name, last_name from attendees"
                + " where order_id = cast(? as uuid) and email is not null", orderId.toString());
    }

    /**
     * Links the order's attendees with an email to the contact of their address, from the part
     * {@code addressesPart} ({@link BuyerContacts#contactsByAddress}: {@code email_key, id}). Attendees without an
     * email stay unlinked (the door then credits the buyer's contact).
     */
    static OneStatement.Part linkAttendees(String addressesPart, UUID orderId) {
        return new OneStatement.Part("update attendees a set contact_id = l.id from " + addressesPart + " l"
                + " where a.order_id = cast(? as uuid) and lower(a.email) = l.email_key"
                + " and a.contact_id is distinct from l.id returning a.id", orderId.toString());
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
}
