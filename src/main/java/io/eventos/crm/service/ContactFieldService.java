package io.eventos.crm.service;

import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The custom fields of the account's contacts (table contact_fields): text, number, date, choice, yes/no. The values
 * live in contacts.custom_fields and are checked against these definitions on every save ({@link CustomFieldValues}).
 * Removing a definition leaves stored values alone; they are no longer shown or exported.
 */
@Stateless
@TenantBound
public class ContactFieldService {

    public static final Set<String> KINDS = Set.of("text", "number", "date", "choice", "yes_no");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<ContactFieldDef> list() {
        List<?> rows = em.createNativeQuery("""
                select id, key, label, kind, choices::text from contact_fields order by position, lower(label), id""")
                .getResultList();
        List<ContactFieldDef> fields = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            List<String> choices = new ArrayList<>();
            try (var reader = Json.createReader(new StringReader((String) r[4]))) {
                reader.readArray().getValuesAs(JsonString.class).forEach(s -> choices.add(s.getString()));
            }
            fields.add(new ContactFieldDef(SqlValues.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    List.copyOf(choices)));
        }
        return fields;
    }

    /**
     * A new custom field: its label, kind and (for a choice) values, one per line or comma-separated. The key is
     * made from the label ("Dietary needs" → dietary_needs).
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public UUID add(String label, String kind, String choices) {
        List<InputProblem> problems = new ArrayList<>();
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 80) {
            problems.add(new InputProblem("fieldLabel", "Enter a label of up to 80 characters."));
        }
        String key = key(name);
        if (!name.isEmpty() && !KEY.matcher(key).matches()) {
            problems.add(new InputProblem("fieldLabel", "Start the label with a letter."));
        } else if (!name.isEmpty() && !em.createNativeQuery("select 1 from contact_fields where key = ?1")
                .setParameter(1, key).getResultList().isEmpty()) {
            problems.add(new InputProblem("fieldLabel", "There is already a field called like this."));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new InputProblem("fieldKind", "Choose text, number, date, choice or yes/no."));
        }
        Set<String> values = new LinkedHashSet<>();
        if ("choice".equals(kind)) {
            for (String value : String.valueOf(choices).split("[,\\n]")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
            if (values.size() < 2) {
                problems.add(new InputProblem("fieldChoices", "Enter at least two values, separated by commas."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into contact_fields (id, account_id, key, label, kind, choices, position)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb),
                                (select coalesce(max(position), 0) + 1 from contact_fields))""")
                .setParameter(1, id).setParameter(2, CurrentTenant.require()).setParameter(3, key)
                .setParameter(4, name).setParameter(5, kind).setParameter(6, array.build().toString())
                .executeUpdate();
        return id;
    }

    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public void remove(UUID fieldId) {
        em.createNativeQuery("delete from contact_fields where id = ?1").setParameter(1, fieldId).executeUpdate();
    }

    static String key(String label) {
        String key = java.text.Normalizer.normalize(label.toLowerCase(Locale.ROOT).replace("ß", "ss"),
                        java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return key.length() > 40 ? key.substring(0, 40) : key;
    }
}
