package io.eventos.crm.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Segments: saved dynamic filters over the contacts (table segments, V25). A segment keeps its rules (the contact
 * list's filters plus event behaviour: {@link ContactFilter}), never its members: who belongs is asked of the
 * contacts and their timeline each time, so the counts shown are live.
 */
@Stateless
@TenantBound
public class ContactSegmentService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    ContactService contacts;

    /** The account's segments by name, each with its live count. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<SegmentRow> list() {
        List<?> rows = em.createNativeQuery("select id, name, rules::text from segments order by lower(name), id")
                .getResultList();
        List<ContactFilter> rules = rows.stream().map(row -> rules((String) ((Object[]) row)[2])).toList();
        List<Long> counts = contacts.counts(rules);
        List<SegmentRow> segments = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = (Object[]) rows.get(i);
            segments.add(new SegmentRow(SqlValues.uuid(r[0]), (String) r[1], rules.get(i), counts.get(i)));
        }
        return segments;
    }

    /** The rules of one segment. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public ContactFilter rules(UUID segmentId) {
        List<?> rows = em.createNativeQuery("select rules::text from segments where id = ?1")
                .setParameter(1, segmentId).getResultList();
        if (rows.isEmpty()) {
            throw new AccessDeniedException("No such segment.");
        }
        return rules((String) rows.get(0));
    }

    /** Saves these rules under a name (a segment of that name gets the new rules). */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public UUID save(String name, ContactFilter rules) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 80) {
            throw new InputRefusedException("segmentName", "Name the segment (up to 80 characters).");
        }
        Object id = em.createNativeQuery("""
                        insert into segments (id, account_id, name, rules, created_by)
                        values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as uuid))
                        on conflict (account_id, lower(name)) do update set rules = excluded.rules, updated_at = now()
                        returning id""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, CurrentTenant.require()).setParameter(3, clean)
                .setParameter(4, json(rules))
                .setParameter(5, CurrentTenant.user().map(UUID::toString).orElse(null))
                .getSingleResult();
        return SqlValues.uuid(id);
    }

    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public void remove(UUID segmentId) {
        em.createNativeQuery("delete from segments where id = ?1").setParameter(1, segmentId).executeUpdate();
    }

    /** The rules as stored in segments.rules and contact_views.filters. */
    public static String json(ContactFilter rules) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        text(json, "text", rules.text());
        text(json, "tag", rules.tag());
        text(json, "bought", rules.boughtEvent());
        text(json, "attended", rules.attendedEvent());
        text(json, "consent", rules.consent());
        text(json, "owner", rules.owner());
        text(json, "bought_not_attended", rules.boughtNotAttendedEvent());
        if (rules.attendedAtLeast() != null && rules.attendedAtLeast() > 0) {
            json.add("attended_at_least", rules.attendedAtLeast());
        }
        text(json, "buyer", rules.buyer());
        text(json, "abandoned", rules.abandoned());
        if (rules.spentAtLeastMinor() != null && rules.spentCurrency() != null) {
            json.add("spent_currency", rules.spentCurrency());
            json.add("spent_at_least_minor", rules.spentAtLeastMinor());
        }
        text(json, "ticket_type", rules.ticketType());
        if (!rules.custom().isEmpty()) { // an array since several conditions (one object before)
            var conditions = Json.createArrayBuilder();
            rules.custom().forEach(c -> conditions.add(Json.createObjectBuilder().add("key", c.key())
                    .add("kind", c.kind()).add("operator", c.operator()).add("value", c.value())));
            json.add("custom", conditions);
        }
        return json.build().toString();
    }

    /** The rules {@link #json} wrote. */
    public static ContactFilter rules(String json) {
        try (var reader = Json.createReader(new StringReader(json == null ? "{}" : json))) {
            JsonObject o = reader.readObject();
            return new ContactFilter(o.getString("text", null), o.getString("tag", null), uuid(o, "bought"),
                    uuid(o, "attended"), o.getString("consent", null), uuid(o, "owner"),
                    uuid(o, "bought_not_attended"),
                    o.containsKey("attended_at_least") ? o.getInt("attended_at_least") : null,
                    o.getString("buyer", null))
                    .withSales(o.getString("abandoned", null), o.getString("spent_currency", null),
                            o.containsKey("spent_at_least_minor") ? o.getJsonNumber("spent_at_least_minor").longValue()
                                    : null, uuid(o, "ticket_type"), null)
                    .withCustom(customs(o.get("custom")));
        }
    }

    /** The custom field conditions: an array of them, or one object (rules stored before several were possible). */
    private static List<CustomFieldCondition> customs(JsonValue value) {
        if (value instanceof JsonObject one) {
            return List.of(custom(one));
        }
        if (value instanceof JsonArray many) {
            return many.getValuesAs(JsonObject.class).stream().map(ContactSegmentService::custom).toList();
        }
        return List.of();
    }

    private static CustomFieldCondition custom(JsonObject o) {
        return new CustomFieldCondition(o.getString("key", ""), o.getString("kind", ""), o.getString("operator", ""),
                o.getString("value", ""));
    }

    private static void text(JsonObjectBuilder json, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            json.add(key, value.toString().strip());
        }
    }

    private static UUID uuid(JsonObject o, String key) {
        String value = o.getString(key, null);
        return value == null ? null : UUID.fromString(value);
    }
}
