package io.eventos.ticketing.service;

import io.eventos.crm.service.ContactPurchases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * Ticketing's answer to the CRM ({@link ContactPurchases}): one person's orders and tickets across every event of the
 * bound account (row level security keeps them to it), and their anonymization. A person's orders are those linked
 * to the contact or bought with its email; their tickets those linked to the contact or issued to its email, and
 * those on their orders with no address of their own (read through the indexes on {@code lower(email)}, the
 * contact id and the order id). Runs in the caller's transaction.
 */
@ApplicationScoped
public class PurchasesForContacts implements ContactPurchases {

    /** The placeholder for an erased buyer's address: orders.buyer_email is required; .invalid never delivers. */
    static final String ERASED_EMAIL = "erased@erased.invalid";

    private static final String ORDERS =
            "(o.buyer_contact_id = ?1 or lower(o.buyer_email) = lower(cast(?2 as text)))";
    /**
     * The person's tickets: linked to the contact, issued to its address, or on an order they bought for someone with
     * no address and no contact of their own (named only through this buyer).
     */
    private static final String ATTENDEES = "(a.contact_id = ?1 or lower(a.email) = lower(cast(?2 as text))"
            + " or (a.contact_id is null and a.email is null and a.order_id in (select o.id from orders o where "
            + ORDERS + ")))";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Override
    public List<PurchasedOrder> orders(UUID contactId, String email) {
        List<?> rows = em.createNativeQuery("""
                        select o.code, e.name, o.status, o.buyer_name, o.buyer_email, o.subtotal_minor, o.discount_minor,
                               o.total_minor, o.refunded_minor, o.currency, o.placed_at, o.paid_at, o.cancelled_at
                        from orders o join events e on e.account_id = o.account_id and e.id = o.event_id
                        where\s""" + ORDERS + " order by o.placed_at, o.id")
                .setParameter(1, contactId).setParameter(2, email).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new PurchasedOrder((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], SqlValues.number(r[5]), SqlValues.number(r[6]),
                SqlValues.number(r[7]), SqlValues.number(r[8]), String.valueOf(r[9]).strip(),
                SqlValues.instant(r[10]), SqlValues.instant(r[11]), SqlValues.instant(r[12]))).toList();
    }

    @Override
    public List<IssuedTicket> tickets(UUID contactId, String email) {
        List<?> rows = em.createNativeQuery("""
                        select a.id, o.code, e.name, t.name, a.first_name, a.last_name, a.email, a.status
                        from attendees a
                        join orders o on o.account_id = a.account_id and o.id = a.order_id
                        join events e on e.account_id = a.account_id and e.id = a.event_id
                        join tickets t on t.account_id = a.account_id and t.id = a.ticket_id
                        where\s""" + ATTENDEES + " order by a.created_at, a.id")
                .setParameter(1, contactId).setParameter(2, email).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new IssuedTicket(
                io.eventos.platform.persistence.SqlValues.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    @Override
    public Erased erase(UUID contactId, String email, String buyerName) {
        // attendees first: their match reads the email the orders still hold the same way (by contact or address)
        int attendees = em.createNativeQuery("""
                        update attendees a set first_name = ?3, last_name = null, email = null, answers = '{}',
                               updated_at = now()
                        where\s""" + ATTENDEES)
                .setParameter(1, contactId).setParameter(2, email).setParameter(3, buyerName).executeUpdate();
        int orders = em.createNativeQuery("""
                        update orders o set buyer_name = ?3, buyer_email = ?4, internal_note = null, updated_at = now()
                        where\s""" + ORDERS)
                .setParameter(1, contactId).setParameter(2, email).setParameter(3, buyerName)
                .setParameter(4, ERASED_EMAIL).executeUpdate();
        // an unfinished checkout's address (V30) goes too; such a hold has no order, so it is found by address only
        if (email != null && !email.isBlank()) {
            em.createNativeQuery("update holds set buyer_email = null where lower(buyer_email) = lower(cast(?1 as text))")
                    .setParameter(1, email).executeUpdate();
        }
        return new Erased(orders, attendees);
    }

    @Override
    public Moved move(UUID from, UUID to) {
        // orders have no index on buyer_contact_id (V17: paying stays a HOT update); the account's orders are read
        // through the account's index, and a merge is a rare, deliberate action
        List<UUID> orders = ids(em.createNativeQuery("""
                        with moved as (update orders set buyer_contact_id = ?2, updated_at = now()
                                       where buyer_contact_id = ?1 returning id)
                        select id from moved""")
                .setParameter(1, from).setParameter(2, to).getResultList());
        List<UUID> attendees = ids(em.createNativeQuery("""
                        with moved as (update attendees set contact_id = ?2, updated_at = now()
                                       where contact_id = ?1 returning id)
                        select id from moved""")
                .setParameter(1, from).setParameter(2, to).getResultList());
        return new Moved(orders, attendees);
    }

    @Override
    public int moveBack(UUID from, UUID to, Moved moved) {
        int orders = em.createNativeQuery("""
                        update orders set buyer_contact_id = ?1, updated_at = now()
                        where id = any(cast(?3 as uuid[])) and buyer_contact_id = ?2""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, array(moved.orderIds())).executeUpdate();
        int attendees = em.createNativeQuery("""
                        update attendees set contact_id = ?1, updated_at = now()
                        where id = any(cast(?3 as uuid[])) and contact_id = ?2""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, array(moved.attendeeIds()))
                .executeUpdate();
        return orders + attendees;
    }

    private static List<UUID> ids(List<?> rows) {
        return rows.stream().map(io.eventos.platform.persistence.SqlValues::uuid).toList();
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
