package io.eventos.crm.service;

import io.eventos.crm.domain.Contact;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Permission;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.text.Csv;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GDPR for one person (owner and admin: {@link Permission#CONTACTS_ERASE}): everything the account holds about them
 * as one JSON document (and the same facts as CSV), and their erasure. The person is a contact; their orders and
 * tickets across every event come from ticketing through {@link ContactPurchases}, the tickets' check-ins from
 * check-in through {@link ContactCheckIns}, the audit entry and the account's retention period from the account
 * context through {@link ContactAudit} and {@link RetentionPeriods}, so the CRM imports none of them.
 * <p>Erasure runs in the caller's one transaction: the contact's personal fields are cleared (its name becomes
 * {@link #ERASED_NAME}), its timeline keeps every entry without its text, its consent history stays as proof, the
 * orders it bought and the tickets issued to it lose their names and addresses but keep amounts, status, codes and
 * dates, the campaigns sent to them forget the address they went to (marketing, through {@link ContactDeliveries}),
 * and the audit log gets {@code contact.erased} with who and when and counts only.
 */
@Stateless
@TenantBound
public class ContactPrivacyService {

    /** What an erased person is called wherever their name was. */
    public static final String ERASED_NAME = "Erased person";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    ContactService contacts;

    @Inject
    ContactPurchases purchases;

    @Inject
    ContactCheckIns checkInHistory;

    @Inject
    RetentionPeriods retentionPeriods;

    @Inject
    ContactAudit audit;

    @Inject
    ContactDeliveries campaignDeliveries;

    /** Everything about the person, as a JSON document (contact, consent history, timeline, orders, tickets). */
    @RequiresPermission(Permission.CONTACTS_ERASE)
    public String exportJson(UUID contactId) {
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(document(contactId));
        }
        return out.toString();
    }

    /**
     * The same facts as {@link #exportJson} as CSV, one value per row: section, item (1, 2, … within the section),
     * field (nested as {@code checkIns[1].at}, {@code tags[2]}), value.
     */
    @RequiresPermission(Permission.CONTACTS_ERASE)
    public String exportCsv(UUID contactId) {
        StringBuilder csv = new StringBuilder("section,item,field,value\r\n");
        document(contactId).forEach((section, value) -> {
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                JsonArray items = value.asJsonArray();
                for (int i = 0; i < items.size(); i++) {
                    flatten(csv, section, String.valueOf(i + 1), "", items.get(i));
                }
            } else {
                flatten(csv, section, "1", "", value);
            }
        });
        return csv.toString();
    }

    private static void flatten(StringBuilder csv, String section, String item, String field, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((key, v) -> flatten(csv, section, item,
                    field.isEmpty() ? key : field + "." + key, v));
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    flatten(csv, section, item, field + "[" + (i + 1) + "]", array.get(i));
                }
            }
            default -> Csv.row(csv, section, item, field, text(value));
        }
    }

    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NULL -> "";
            default -> value.toString();
        };
    }

    private JsonObject document(UUID contactId) {
        ContactDetails d = contacts.detail(contactId);
        ContactForm f = d.form();
        JsonObjectBuilder contact = Json.createObjectBuilder();
        add(contact, "id", d.id().toString());
        add(contact, "firstName", f.firstName());
        add(contact, "lastName", f.lastName());
        add(contact, "email", f.email());
        add(contact, "phone", f.phone());
        add(contact, "company", f.company());
        add(contact, "jobTitle", f.jobTitle());
        add(contact, "addressLine", f.addressLine());
        add(contact, "postalCode", f.postalCode());
        add(contact, "city", f.city());
        add(contact, "country", f.country());
        JsonArrayBuilder tags = Json.createArrayBuilder();
        f.tags().forEach(tags::add);
        contact.add("tags", tags);
        JsonObjectBuilder custom = Json.createObjectBuilder();
        f.customFields().forEach(custom::add);
        contact.add("customFields", custom);
        contact.add("marketingConsent", d.consent());
        add(contact, "marketingConsentAt", d.consentAt());
        add(contact, "consentSource", d.consentSource());
        add(contact, "unsubscribedAt", d.unsubscribedAt());
        add(contact, "source", d.source());
        add(contact, "createdAt", d.createdAt());
        add(contact, "lastActivityAt", d.lastActivityAt());

        JsonArrayBuilder consents = Json.createArrayBuilder();
        for (ConsentChange c : contacts.consentHistory(contactId)) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("granted", c.granted());
            add(o, "source", c.source());
            add(o, "at", c.at());
            add(o, "by", c.actorName());
            consents.add(o);
        }

        JsonArrayBuilder timeline = Json.createArrayBuilder();
        UUID before = null;
        for (int pages = 0; pages < 100; pages++) { // up to 20,000 entries, newest first
            List<TimelineEntry> page = contacts.timeline(contactId, before, 200);
            for (TimelineEntry e : page) {
                JsonObjectBuilder o = Json.createObjectBuilder().add("kind", e.kind());
                add(o, "subject", e.subject());
                add(o, "body", e.body());
                add(o, "at", e.occurredAt());
                add(o, "by", e.actorName());
                add(o, "event", e.eventName());
                add(o, "dueAt", e.dueAt());
                add(o, "assignee", e.assigneeName());
                add(o, "doneAt", e.doneAt());
                timeline.add(o);
            }
            if (page.size() < 200) {
                break;
            }
            before = page.get(page.size() - 1).id();
        }

        JsonArrayBuilder orders = Json.createArrayBuilder();
        for (ContactPurchases.PurchasedOrder o : purchases.orders(contactId, f.email())) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("code", o.code());
            add(b, "event", o.eventName());
            add(b, "status", o.status());
            add(b, "buyerName", o.buyerName());
            add(b, "buyerEmail", o.buyerEmail());
            b.add("subtotalMinor", o.subtotalMinor()).add("discountMinor", o.discountMinor())
                    .add("totalMinor", o.totalMinor()).add("refundedMinor", o.refundedMinor());
            add(b, "currency", o.currency());
            add(b, "placedAt", o.placedAt());
            add(b, "paidAt", o.paidAt());
            add(b, "cancelledAt", o.cancelledAt());
            orders.add(b);
        }

        JsonArrayBuilder tickets = Json.createArrayBuilder();
        List<ContactPurchases.IssuedTicket> issued = purchases.tickets(contactId, f.email());
        Map<UUID, List<ContactCheckIns.CheckInFact>> scans =
                checkInHistory.of(issued.stream().map(ContactPurchases.IssuedTicket::id).toList());
        for (ContactPurchases.IssuedTicket t : issued) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            add(b, "orderCode", t.orderCode());
            add(b, "event", t.eventName());
            add(b, "ticketType", t.ticketType());
            add(b, "firstName", t.firstName());
            add(b, "lastName", t.lastName());
            add(b, "email", t.email());
            add(b, "status", t.status());
            JsonArrayBuilder checkIns = Json.createArrayBuilder();
            for (ContactCheckIns.CheckInFact c : scans.getOrDefault(t.id(), List.of())) {
                JsonObjectBuilder ci = Json.createObjectBuilder();
                add(ci, "direction", c.direction());
                add(ci, "at", c.at());
                checkIns.add(ci);
            }
            b.add("checkIns", checkIns);
            tickets.add(b);
        }
        return Json.createObjectBuilder().add("contact", contact).add("consentHistory", consents)
                .add("timeline", timeline).add("orders", orders).add("tickets", tickets).build();
    }

    private static void add(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static void add(JsonObjectBuilder b, String key, Instant value) {
        add(b, key, value == null ? null : value.toString());
    }

    /** What an erasure changed (counts only). */
    public record Erasure(int orders, int attendees, int timelineEntries) {
    }

    /**
     * Erases the person: see the class comment. The contact is found as {@link ContactService#detail} finds it (an
     * erased, merged or unknown one is "No such contact.").
     */
    @RequiresPermission(Permission.CONTACTS_ERASE)
    public Erasure erase(UUID contactId) {
        Contact contact = contactId == null ? null : em.find(Contact.class, contactId);
        if (contact == null || contact.getErasedAt() != null || contact.getMergedIntoId() != null) {
            throw new AccessDeniedException("No such contact.");
        }
        return anonymize(contact, Map.of());
    }

    /** What a retention sweep of one account did. */
    public record Retention(int contacts, int orders, int attendees) {
    }

    /**
     * The retention sweep of the bound account (called by {@link ContactRetention}, never by a page; it needs no
     * permission because it does only what the account's own setting says, as the account context hands it over
     * through {@link RetentionPeriods}): anonymizes, exactly as {@link #erase} does, up to {@code batch} contacts
     * whose last activity (or creation, when they have none) is older than that many days and who have no timeline
     * entry since, oldest first, each audited as {@code contact.erased} with {@code "reason": "retention"}. Nothing
     * when the account keeps contacts forever.
     */
    public Retention eraseStale(int batch) {
        Integer days = retentionPeriods.days();
        if (days == null) {
            return new Retention(0, 0, 0);
        }
        List<?> stale = em.createNativeQuery("""
                        select c.id from contacts c
                        where c.erased_at is null and c.merged_into_id is null
                          and coalesce(c.last_activity_at, c.created_at) < now() - make_interval(days => ?1)
                          and not exists (select 1 from activities a where a.contact_id = c.id
                                          and a.occurred_at >= now() - make_interval(days => ?1))
                        order by coalesce(c.last_activity_at, c.created_at), c.id limit ?2""")
                .setParameter(1, days).setParameter(2, Math.max(1, batch)).getResultList();
        int orders = 0;
        int attendees = 0;
        for (Object id : stale) {
            Erasure erased = anonymize(em.find(Contact.class, SqlValues.uuid(id)),
                    Map.of("reason", "retention", "retentionDays", days));
            orders += erased.orders();
            attendees += erased.attendees();
        }
        return new Retention(stale.size(), orders, attendees);
    }

    private Erasure anonymize(Contact contact, Map<String, Object> why) {
        UUID contactId = contact.getId();
        String email = contact.getEmail();
        em.flush();
        ContactPurchases.Erased bought = purchases.erase(contactId, email, ERASED_NAME);
        // manual entries (note, call, meeting, task, other) and imports (whose file name may name the person) lose
        // their subject too; the sale's and the door's subjects name an order code or ticket type only, and stay
        int entries = em.createNativeQuery("""
                        update activities set body = null, data = '{}', updated_at = now(),
                               subject = case when kind in ('note', 'call', 'meeting', 'task', 'other', 'imported')
                                              then null
                                              else subject end
                        where contact_id = ?1""")
                .setParameter(1, contactId).executeUpdate();
        // consent and its history stay as they are (proof); the generated search column follows the cleared fields;
        // contacts merged into this one (ContactMergeService) are the same person: their rows are cleared too
        // and the person's event behaviour (V36) goes with them: an erased contact is in no list or segment. The
        // door's lock first, so that a check-in at this moment leaves no fact behind (ContactEventFacts)
        ContactEventFacts.lockForErasure(em, contactId);
        // the campaigns that went to the person forget where they went (marketing's rows: ask marketing)
        List<UUID> person = em.createNativeQuery("select id from contacts where id = ?1 or merged_into_id = ?1")
                .setParameter(1, contactId).getResultList().stream().map(SqlValues::uuid).toList();
        int deliveries = campaignDeliveries.erase(person);
        em.createNativeQuery("""
                        with person as (select id from contacts where id = ?1 or merged_into_id = ?1),
                        facts as (delete from contact_event_facts where contact_id in (select id from person)),
                        counts as (delete from contact_event_counts where contact_id in (select id from person))
                        update contacts set first_name = ?2, last_name = null, email = null, phone = null,
                               company = null, job_title = null, address_line = null, postal_code = null, city = null,
                               country = null, tags = '[]', custom_fields = '{}', erased_at = now(), updated_at = now()
                        where id = ?1 or merged_into_id = ?1""")
                .setParameter(1, contactId).setParameter(2, ERASED_NAME).executeUpdate();
        em.refresh(contact);
        Map<String, Object> facts = new java.util.LinkedHashMap<>(why);
        facts.put("orders", bought.orders());
        facts.put("tickets", bought.attendees());
        facts.put("timelineEntries", entries);
        facts.put("campaignDeliveries", deliveries);
        audit.record("contact.erased", contactId, facts);
        return new Erasure(bought.orders(), bought.attendees(), entries);
    }
}
