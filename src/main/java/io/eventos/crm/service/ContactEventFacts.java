package io.eventos.crm.service;

import io.eventos.crm.domain.ActivityKind;
import io.eventos.platform.persistence.OneStatement;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The contacts' event behaviour kept where it happens (V36), read by the list's filters instead of aggregating the
 * timeline: {@code contact_event_facts} has a row per contact and event it bought for (an "order paid" entry on its
 * timeline) or attended (a "checked in" entry), {@code contact_event_counts} how many of those rows a contact has of
 * each. Exactly the timeline's definitions: a refund or a cancellation leaves the "order paid" entry, and so "bought".
 * <p>Written in the same statement as the timeline entry ({@link #recordOf}, {@link #recordFor}): an upsert of the
 * fact that returns a row only when it inserted the row or set the column that was empty, and the counter upsert
 * that adds one per returned row. Two check-ins of one person at one event at the same moment count once: the second
 * upsert waits for the first's row and then finds the column set. The door takes a transaction-level advisory lock on
 * the contact before it records a new fact (a first check-in of that person at that event; repeats write nothing),
 * which a merge and its undo take too, so a merge's rebuild ({@link #rebuild}) never overwrites a check-in it could
 * not see yet, and an erasure too ({@link #lockForErasure}), so no fact is left on an erased contact (the door reads
 * the contact again after the lock: {@code contact_fact_lock}, V38). Locks are taken in one order everywhere: contact
 * row (sale, merge, erasure), advisory lock (door, merge, erasure), fact
 * row, counter row.
 */
final class ContactEventFacts {

    /** The transaction-level advisory lock of the contact {@code c}, taken by the door (a new fact) and merges. */
    private static final String LOCK = "pg_advisory_xact_lock(hashtext('contact_event_facts'), hashtext(c.id::text))";

    private ContactEventFacts() {
    }

    /** Whether an entry of this kind for this event is event behaviour (bought or attended). */
    static boolean counts(ActivityKind kind, UUID eventId) {
        return eventId != null && (kind == ActivityKind.ORDER_PAID || kind == ActivityKind.TICKET_CHECKED_IN);
    }

    /**
     * Adds to {@code statement} the parts {@code name} and {@code name_count} that record the entry of {@code kind}
     * at {@code eventId} for the contact the part {@code contactPart} returns as {@code id} (the sale's buyer upsert,
     * which holds the contact's row already). Nothing when the entry is no event behaviour.
     */
    static OneStatement recordOf(OneStatement statement, String name, String contactPart, ActivityKind kind,
                                 UUID eventId, Instant at) {
        if (!counts(kind, eventId)) {
            return statement;
        }
        String column = column(kind);
        return record(statement, name, new OneStatement.Part("select cast(? as uuid) as account_id, p.id from "
                + contactPart + " p where not exists (select 1 from contact_event_facts f where f.contact_id = p.id"
                + " and f.event_id = cast(? as uuid) and f." + column + " is not null)",
                CurrentTenant.require().toString(), eventId.toString()), kind, eventId, at);
    }

    /**
     * Adds the parts {@code name_contact}, {@code name} and {@code name_count} that record the entry of {@code kind}
     * at {@code eventId} for the contact {@code contactId} (nothing when it is null, not found, or the fact is known
     * already). The contact's row is not locked; a new fact takes the contact's advisory lock first (see the class).
     */
    static OneStatement recordFor(OneStatement statement, String name, UUID contactId, ActivityKind kind,
                                  UUID eventId, Instant at) {
        if (!counts(kind, eventId) || contactId == null) {
            return statement;
        }
        String column = column(kind);
        // contact_fact_lock (V38) takes the advisory lock, then reads the contact afresh: a fact is recorded only
        // for a contact that is not erased, even when an erasure committed while this statement waited for the lock
        statement.add(name + "_contact", new OneStatement.Part("select c.account_id, c.id, contact_fact_lock(c.id)"
                + " as live from contacts c where c.id = cast(? as uuid) and not exists (select 1 from"
                + " contact_event_facts f where f.account_id = c.account_id and f.contact_id = c.id"
                + " and f.event_id = cast(? as uuid) and f." + column + " is not null)", contactId.toString(),
                eventId.toString()));
        return record(statement, name, new OneStatement.Part("select account_id, id from " + name + "_contact"
                + " where live"), kind, eventId, at);
    }

    private static OneStatement record(OneStatement statement, String name, OneStatement.Part contact,
                                       ActivityKind kind, UUID eventId, Instant at) {
        String column = column(kind);
        String counter = kind == ActivityKind.ORDER_PAID ? "events_bought" : "events_attended";
        OneStatement.Part source = new OneStatement.Part("select s.account_id, s.id, cast(? as uuid) as event_id,"
                + " cast(? as timestamptz) as at from (" + contact.sql() + ") s",
                concat(eventId.toString(), Timestamp.from(at), contact.values()));
        return statement
                .add(name, new OneStatement.Part("insert into contact_event_facts as f (account_id, contact_id,"
                        + " event_id, " + column + ") " + source.sql()
                        + " on conflict (account_id, contact_id, event_id) do update set " + column + " = excluded."
                        + column + " where f." + column + " is null returning f.account_id, f.contact_id",
                        source.values()))
                .add(name + "_count", new OneStatement.Part("insert into contact_event_counts as n (account_id,"
                        + " contact_id, " + counter + ") select account_id, contact_id, 1 from " + name
                        + " on conflict (account_id, contact_id) do update set " + counter + " = n." + counter
                        + " + 1 returning n.contact_id"));
    }

    private static List<Object> concat(Object first, Object second, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.add(second);
        all.addAll(rest);
        return all;
    }

    private static String column(ActivityKind kind) {
        return kind == ActivityKind.ORDER_PAID ? "bought_at" : "attended_at";
    }

    /**
     * Before an erasure deletes the facts of the contact {@code contactId} and of the contacts merged into it: locks
     * their rows, then takes their advisory locks, each in id order. A check-in that holds one has its fact committed
     * before the erasure's next statement reads (and deletes) it; one that comes later waits, then finds the contact
     * erased ({@code contact_fact_lock}, V38) and records no fact.
     */
    static void lockForErasure(EntityManager em, UUID contactId) {
        // the contact rows first, as a merge does (contact row, then advisory lock: one order everywhere)
        em.createNativeQuery("select id from contacts where id = ?1 or merged_into_id = ?1 order by id for update")
                .setParameter(1, contactId).getResultList();
        em.createNativeQuery("select count(*) from (select id from contacts where id = ?1 or merged_into_id = ?1"
                        + " order by id) c, " + LOCK + " l")
                .setParameter(1, contactId).getSingleResult();
    }

    /**
     * The facts and counters of these contacts made again from their timelines, in one statement (a merge moved
     * entries between them, or its undo moved them back). The caller holds the contacts' rows; this takes their
     * advisory locks (in id order) before it reads the timeline, so a check-in at the door either committed before
     * (and is read) or waits until this transaction ends (and then finds the facts as they are now).
     */
    static void rebuild(EntityManager em, Collection<UUID> contactIds) {
        String ids = contactIds.stream().sorted().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("select count(*) from (select id from contacts where id = any(cast(?1 as uuid[]))"
                        + " order by id) c, " + LOCK + " l")
                .setParameter(1, ids).getSingleResult();
        em.createNativeQuery("""
                        with wanted as (
                            select a.account_id, a.contact_id, a.event_id,
                                   min(a.occurred_at) filter (where a.kind = 'order_paid') as bought_at,
                                   min(a.occurred_at) filter (where a.kind = 'ticket_checked_in') as attended_at
                            from activities a
                            where a.contact_id = any(cast(?1 as uuid[])) and a.event_id is not null
                              and a.kind in ('order_paid', 'ticket_checked_in')
                            group by a.account_id, a.contact_id, a.event_id),
                        gone as (
                            delete from contact_event_facts f where f.contact_id = any(cast(?1 as uuid[]))
                              and not exists (select 1 from wanted w
                                              where w.contact_id = f.contact_id and w.event_id = f.event_id)),
                        kept as (
                            insert into contact_event_facts as f (account_id, contact_id, event_id, bought_at,
                                                                  attended_at)
                            select account_id, contact_id, event_id, bought_at, attended_at from wanted
                            on conflict (account_id, contact_id, event_id) do update
                                set bought_at = excluded.bought_at, attended_at = excluded.attended_at
                            returning f.account_id, f.contact_id, f.bought_at, f.attended_at),
                        counted as (
                            select c.account_id, c.id as contact_id, count(k.bought_at) as bought,
                                   count(k.attended_at) as attended
                            from contacts c left join kept k on k.contact_id = c.id
                            where c.id = any(cast(?1 as uuid[])) group by c.account_id, c.id),
                        emptied as (
                            delete from contact_event_counts n using counted x
                            where n.contact_id = x.contact_id and x.bought = 0 and x.attended = 0)
                        insert into contact_event_counts as n (account_id, contact_id, events_bought, events_attended)
                        select account_id, contact_id, bought, attended from counted where bought > 0 or attended > 0
                        on conflict (account_id, contact_id) do update
                            set events_bought = excluded.events_bought, events_attended = excluded.events_attended""")
                .setParameter(1, ids).executeUpdate();
    }

    /**
     * The facts and counters of the bound account's contacts made from their timelines where they have none yet (a
     * writer that put entries on the timelines directly: the demo loader); erased contacts get none.
     */
    static void fromTimelines(EntityManager em) {
        em.createNativeQuery("""
                        insert into contact_event_facts (account_id, contact_id, event_id, bought_at, attended_at)
                        select a.account_id, a.contact_id, a.event_id,
                               min(a.occurred_at) filter (where a.kind = 'order_paid'),
                               min(a.occurred_at) filter (where a.kind = 'ticket_checked_in')
                        from activities a
                        join contacts c on c.account_id = a.account_id and c.id = a.contact_id and c.erased_at is null
                        where a.event_id is not null and a.kind in ('order_paid', 'ticket_checked_in')
                          and not exists (select 1 from contact_event_counts n where n.contact_id = a.contact_id)
                        group by a.account_id, a.contact_id, a.event_id
                        on conflict do nothing""").executeUpdate();
        em.createNativeQuery("""
                        insert into contact_event_counts (account_id, contact_id, events_bought, events_attended)
                        select account_id, contact_id, count(bought_at), count(attended_at)
                        from contact_event_facts group by account_id, contact_id
                        on conflict do nothing""").executeUpdate();
    }
}
