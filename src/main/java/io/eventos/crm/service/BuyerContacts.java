package io.eventos.crm.service;

import io.eventos.crm.domain.Activity;
import io.eventos.crm.domain.ActivityKind;
import io.eventos.crm.domain.Contact;
import io.eventos.platform.persistence.OneStatement;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The CRM side of a sale: the buyer of a paid order becomes a contact of the account (one per e-mail address,
 * found case-insensitively), and what happens to their orders goes on the contact's timeline. Runs inside the
 * caller's transaction with the account bound, so row level security checks every row, and a rolled-back sale
 * leaves no trace here either.
 * <p>A contact is created or updated with one upsert on the unique index {@code (account_id, lower(email))}, so two
 * orders of the same person paid at the same moment still make one contact. What the organizer may have edited is
 * kept: names are only filled in where empty; consent is only ever added here (an unticked box at checkout is not a
 * withdrawal), and a new consent ends an earlier unsubscribe.
 * <p>An address whose contact was merged into another (V27) names the survivor: the upserts return
 * {@code coalesce(merged_into_id, id)}, so the order, its tickets and the timeline entry go to the survivor, and a
 * consent ticked at such a checkout is the survivor's too ({@link #consentAtMergedAddress}; the merged row's own
 * history keeps it as well).
 */
@ApplicationScoped
public class BuyerContacts {

    /** Made on first use (not when the class loads, so the name rules are testable without a JSON-B provider). */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private static final String UPSERT = """
            insert into contacts (id, account_id, email, first_name, last_name, marketing_consent, marketing_consent_at,
                                  consent_source, source, last_activity_at)
            values (cast(? as uuid), cast(? as uuid), ?, ?, ?, ?, ?, ?, 'order', ?)
            on conflict (account_id, lower(email)) where email is not null do update set
                first_name           = coalesce(contacts.first_name, excluded.first_name),
                last_name            = coalesce(contacts.last_name, excluded.last_name),
                marketing_consent_at = case when excluded.marketing_consent and not contacts.marketing_consent
                                            then excluded.marketing_consent_at else contacts.marketing_consent_at end,
                consent_source       = case when excluded.marketing_consent and not contacts.marketing_consent
                                            then excluded.consent_source else contacts.consent_source end,
                unsubscribed_at      = case when excluded.marketing_consent then null else contacts.unsubscribed_at end,
                marketing_consent    = contacts.marketing_consent or excluded.marketing_consent,
                last_activity_at     = greatest(contacts.last_activity_at, excluded.last_activity_at),
                updated_at           = now()
            returning coalesce(contacts.merged_into_id, contacts.id) as id, contacts.id as row_id""";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * Takes the contact's row lock ({@code for no key update}) until the transaction ends: a cancellation or refund
     * takes its buyer's contact before the ticket rows and the timeline, in the same order as a payment does (the
     * lock order in docs/architecture.md, "Locking"). Nothing happens for a contact the bound account does not have.
     */
    public void lock(UUID contactId) {
        em.createNativeQuery("select id from contacts where id = cast(?1 as uuid) for no key update")
                .setParameter(1, contactId.toString()).getResultList();
    }

    /**
     * The contact of a buyer, created or brought up to date. {@code consentSource} says where a consent was given
     * (e.g. "order K7Q2XM"); it is stored only with a new consent.
     */
    public UUID buyer(String name, String email, boolean consent, Instant at, String consentSource) {
        Object id = new OneStatement().query(em, upsert(name, email, consent, at, consentSource)).getSingleResult();
        return id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }

    /**
     * {@link #buyer} as a part of one statement with other writes ({@link OneStatement}); it returns the contact's
     * {@code id}, which a later part reads by the part's name (see {@link #activityOf}).
     */
    public OneStatement.Part upsert(String name, String email, boolean consent, Instant at, String consentSource) {
        String[] names = splitName(name);
        return new OneStatement.Part(UPSERT, UUID.randomUUID().toString(), CurrentTenant.require().toString(),
                email.strip(), names[0], names[1], consent, consent ? Timestamp.from(at) : null,
                consent ? consentSource : null, Timestamp.from(at));
    }

    /**
     * A consent ticked at a checkout whose address belongs to a contact merged into another: the part named
     * {@code upsertPart} ({@link #upsert}) gave it to the merged row, this part gives it to the survivor the same way
     * (consent only added, a new one with its time and source, an earlier unsubscribe ended), so the person's page,
     * list and segments show it and its history records it. Add it only when the buyer consented. Nothing when the
     * address is the survivor's own. Left out when the part {@code attendeePart} ({@link #peopleUpserts}) touches
     * the survivor's row too (an attendee of the same order with the survivor's address): PostgreSQL applies only
     * one update of a row per statement.
     */
    public OneStatement.Part consentAtMergedAddress(String upsertPart, String attendeePart, Instant at,
                                                    String consentSource) {
        return new OneStatement.Part("update contacts s set"
                + " marketing_consent_at = case when s.marketing_consent then s.marketing_consent_at"
                + " else cast(? as timestamptz) end,"
                + " consent_source = case when s.marketing_consent then s.consent_source else ? end,"
                + " unsubscribed_at = null, marketing_consent = true, updated_at = now()"
                + " from " + upsertPart + " b where s.id = b.id and b.id <> b.row_id"
                + " and not exists (select 1 from " + attendeePart + " a where a.id = s.id) returning s.id",
                Timestamp.from(at), consentSource);
    }

    /**
     * The people of a sale who have an email (an order's attendees) become contacts of the account too, created or
     * brought up to date like a buyer (names only filled in where empty, no consent), as a part of one statement with
     * the buyer's {@link #upsert}. {@code peoplePart} names a part of the caller's with the columns
     * {@code id, email, first_name, last_name} (the CRM reads no other context's table: ticketing says who its
     * attendees are); people with the buyer's address are left to the buyer's contact, the others get one upsert per
     * address. The part returns {@code id} (the contact, or the survivor it was merged into) and {@code email_key}
     * (the lower-cased address): {@link #contactsByAddress} puts it together with the buyer's.
     */
    public OneStatement.Part peopleUpserts(String peoplePart, String buyerEmail, Instant at) {
        return new OneStatement.Part("""
                insert into contacts (id, account_id, email, first_name, last_name, source, last_activity_at)
                select distinct on (lower(p.email)) gen_random_uuid(), cast(? as uuid), p.email, p.first_name,
                       p.last_name, 'attendee', cast(? as timestamptz)
                from %s p
                where p.email is not null and lower(p.email) <> lower(?)
                order by lower(p.email), p.id
                on conflict (account_id, lower(email)) where email is not null do update set
                    first_name       = coalesce(contacts.first_name, excluded.first_name),
                    last_name        = coalesce(contacts.last_name, excluded.last_name),
                    last_activity_at = greatest(contacts.last_activity_at, excluded.last_activity_at),
                    updated_at       = now()
                returning coalesce(contacts.merged_into_id, contacts.id) as id, lower(email) as email_key"""
                .formatted(peoplePart), CurrentTenant.require().toString(), Timestamp.from(at), buyerEmail.strip());
    }

    /**
     * The contact of each address of a sale, {@code (email_key, id)}: the people's ({@code peoplePart},
     * {@link #peopleUpserts}) and the buyer's ({@code buyerPart}, {@link #upsert}). The seller links its rows (the
     * attendees) to these in its own part of the statement.
     */
    public OneStatement.Part contactsByAddress(String peoplePart, String buyerPart, String buyerEmail) {
        return new OneStatement.Part("select email_key, id from " + peoplePart
                + " union all select lower(?), id from " + buyerPart, buyerEmail.strip());
    }

    /**
     * Adds to {@code statement} the entry on the timeline of the contact that the part named {@code upsertPart}
     * ({@link #upsert}) returns, as the part {@code name}, and what it says about the contact's event behaviour (V36,
     * {@link ContactEventFacts}: parts named {@code name_fact...}). The upsert already marked the contact as active at
     * that moment.
     */
    public OneStatement addActivityOf(OneStatement statement, String name, String upsertPart, ActivityKind kind,
                                      String subject, UUID eventId, UUID auditId, Map<String, ?> data, Instant at) {
        statement.add(name, activityOf(upsertPart, kind, subject, eventId, auditId, data, at));
        return ContactEventFacts.recordOf(statement, name + "_fact", upsertPart, kind, eventId, at);
    }

    /**
     * Adds to {@code statement} the entry on the timeline of the contact {@code contactId} (nothing when it is null or
     * not found) as the part {@code name}, and what it says about the contact's event behaviour (V36,
     * {@link ContactEventFacts}: parts named {@code name_fact...}). The contact's row is not locked, so a write at the
     * door never waits for a sale or refund of the same person (they lock the contact row for a while).
     */
    public OneStatement addActivityFor(OneStatement statement, String name, UUID contactId, ActivityKind kind,
                                       String subject, UUID eventId, UUID auditId, Map<String, ?> data, Instant at) {
        statement.add(name, activityFor(contactId, kind, subject, eventId, auditId, data, at));
        return ContactEventFacts.recordFor(statement, name + "_fact", contactId, kind, eventId, at);
    }

    /**
     * The event behaviour of every contact of the bound account made from the timelines, for a writer that puts
     * entries on them directly (the demo loader); contacts that have facts already are left as they are.
     */
    public void recordEventBehaviourFromTimelines() {
        ContactEventFacts.fromTimelines(em);
    }

    /**
     * An entry on the timeline of the contact that the part named {@code upsertPart} ({@link #upsert}) returns, as a
     * part of the same statement. The upsert already marked the contact as active at that moment.
     */
    private OneStatement.Part activityOf(String upsertPart, ActivityKind kind, String subject, UUID eventId,
                                        UUID auditId, Map<String, ?> data, Instant at) {
        return activityFrom(upsertPart + " c", List.of(), kind, subject, eventId, auditId, data, at);
    }

    /**
     * An entry on the timeline of the contact {@code contactId} (nothing when it is null or not found), as a part of
     * one statement ({@link OneStatement}). It reads the contact without locking it.
     */
    private OneStatement.Part activityFor(UUID contactId, ActivityKind kind, String subject, UUID eventId,
                                         UUID auditId, Map<String, ?> data, Instant at) {
        return activityFrom("contacts c where c.id = cast(? as uuid)",
                Collections.singletonList(contactId == null ? null : contactId.toString()), kind, subject, eventId,
                auditId, data, at);
    }

    /** The insert of a timeline entry for the contact {@code c} that {@code from} names, with its own values after. */
    private static OneStatement.Part activityFrom(String from, List<Object> fromValues, ActivityKind kind,
                                                  String subject, UUID eventId, UUID auditId, Map<String, ?> data,
                                                  Instant at) {
        UUID actor = CurrentTenant.user().orElse(null);
        List<Object> values = new ArrayList<>(Arrays.asList(UUID.randomUUID().toString(),
                CurrentTenant.require().toString(), kind.name().toLowerCase(Locale.ROOT), subject, Timestamp.from(at),
                actor == null ? null : actor.toString(), auditId == null ? null : auditId.toString(),
                eventId == null ? null : eventId.toString(), Json.JSONB.toJson(data)));
        values.addAll(fromValues);
        return new OneStatement.Part("""
                insert into activities (id, account_id, contact_id, kind, subject, occurred_at, actor_user_id,
                                        audit_id, event_id, data)
                select cast(? as uuid), cast(? as uuid), c.id, ?, ?, ?, cast(? as uuid), cast(? as uuid),
                       cast(? as uuid), cast(? as jsonb)
                from\s""" + from, values);
    }

    /**
     * Puts an entry on the contact's timeline and marks the contact as active at that moment; an order paid or a
     * check-in at an event is recorded as the contact's event behaviour too ({@link ContactEventFacts}).
     */
    public void activity(UUID contactId, ActivityKind kind, String subject, UUID eventId, UUID auditId,
                         Map<String, ?> data, Instant at) {
        timeline(contactId, kind, subject, eventId, auditId, data, at);
        if (ContactEventFacts.counts(kind, eventId)) {
            ContactEventFacts.recordFor(new OneStatement(), "fact", contactId, kind, eventId, at)
                    .query(em, new OneStatement.Part("select 1")).getResultList();
        }
        em.createNativeQuery("""
                        update contacts set last_activity_at = greatest(last_activity_at, ?2), updated_at = now()
                        where id = cast(?1 as uuid)""")
                .setParameter(1, contactId.toString()).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    private void timeline(UUID contactId, ActivityKind kind, String subject, UUID eventId, UUID auditId,
                          Map<String, ?> data, Instant at) {
        Activity activity = new Activity(em.getReference(Contact.class, contactId), kind);
        activity.setSubject(subject);
        activity.setEventId(eventId);
        activity.setAuditId(auditId);
        activity.setOccurredAt(at);
        activity.setActorUserId(CurrentTenant.user().orElse(null));
        activity.setDataJson(Json.JSONB.toJson(data));
        em.persist(activity);
    }

    /** "Ada King Lovelace" → first name "Ada King", last name "Lovelace"; one word is a first name only. */
    static String[] splitName(String name) {
        String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (trimmed.isEmpty()) {
            return new String[] {null, null};
        }
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? new String[] {trimmed, null}
                : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1)};
    }
}
