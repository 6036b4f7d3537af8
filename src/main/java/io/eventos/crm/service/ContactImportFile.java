package io.eventos.crm.service;

import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.text.CsvReader;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file of contacts read, its columns mapped to contact fields and every row checked by the rules of the contact
 * form ({@link ContactService}, {@link CustomFieldValues}, {@link PhoneNumbers}), before anything is written. Rows
 * with a problem are left out with their line and reason; a later row with the email of an earlier one is merged into
 * it (its values win where it has one, tags and custom fields add up, consent given in either counts). Pure Java: the
 * service does the database part.
 */
final class ContactImportFile {

    /** Rows a file may have below its header line. */
    static final int MAX_ROWS = 200_000;

    private static final List<ImportField> STANDARD = List.of(
            new ImportField("first_name", "First name"), new ImportField("last_name", "Last name"),
            new ImportField("email", "Email"), new ImportField("phone", "Phone"),
            new ImportField("company", "Company"), new ImportField("job_title", "Job title"),
            new ImportField("tags", "Tags"), new ImportField("consent", "Marketing consent"));

    /** Column names (lower case, letters and digits only) that name a field. */
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        names("first_name", "firstname", "first", "givenname", "forename", "vorname", "prenom");
        names("last_name", "lastname", "last", "surname", "familyname", "nachname", "nom");
        names("email", "email", "emailaddress", "mail", "emailadresse", "courriel");
        names("phone", "phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cell", "telefon");
        names("company", "company", "companyname", "organization", "organisation", "org", "firma", "employer");
        names("job_title", "jobtitle", "title", "position", "role", "job");
        names("tags", "tags", "tag", "labels", "label", "groups");
        names("consent", "consent", "marketingconsent", "optin", "newsletter", "subscribed", "emailconsent");
    }

    private static void names(String field, String... headers) {
        for (String header : headers) {
            NAMES.put(header, field);
        }
    }

    /** One row ready to be written: clean values, or null where the file has none. */
    record Row(int line, String email, String firstName, String lastName, String phone, String company,
               String jobTitle, List<String> tags, Boolean consent, Map<String, String> custom, String customJson) {
    }

    /** The rows to write (merged by email), the rows left out, how many were merged, the sample for the preview. */
    record Prepared(List<Row> rows, List<ImportProblem> problems, int total, int merged,
                    List<ImportPreviewRow> sample) {
    }

    private ContactImportFile() {
    }

    /** The fields a column can fill: the contact's own, then the account's custom fields. */
    static List<ImportField> fields(List<ContactFieldDef> definitions) {
        List<ImportField> fields = new ArrayList<>(STANDARD);
        definitions.forEach(d -> fields.add(new ImportField("custom:" + d.key(), d.label())));
        return fields;
    }

    /** A field for each column, guessed from its name ("" leaves it out); each field for one column at most. */
    static List<String> guess(List<String> header, List<ContactFieldDef> definitions) {
        Map<String, String> custom = new HashMap<>();
        for (ContactFieldDef d : definitions) {
            custom.put(simple(d.key()), "custom:" + d.key());
            custom.put(simple(d.label()), "custom:" + d.key());
        }
        List<String> mapping = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (String name : header) {
            String key = simple(name);
            String field = NAMES.getOrDefault(key, custom.getOrDefault(key, ""));
            if (field.isEmpty() && key.contains("email")) {
                field = "email";
            }
            mapping.add(field.isEmpty() || !taken.add(field) ? "" : field);
        }
        return mapping;
    }

    private static String simple(String name) {
        return Normalizer.normalize(String.valueOf(name).toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]", "");
    }

    /** The mapping must name a column for the email or a name, and no field twice. */
    static void checkMapping(List<String> mapping, List<ImportField> fields) {
        Set<String> known = new LinkedHashSet<>();
        fields.forEach(f -> known.add(f.key()));
        Set<String> used = new LinkedHashSet<>();
        for (String field : mapping) {
            if (field == null || field.isEmpty()) {
                continue;
            }
            if (!known.contains(field)) {
                throw new InputRefusedException("mapping", "Choose a contact field for each column, or leave it out.");
            }
            if (!used.add(field)) {
                String label = fields.stream().filter(f -> f.key().equals(field)).findFirst().map(ImportField::label)
                        .orElse(field);
                throw new InputRefusedException("mapping", "Two columns fill " + label + ": choose one of them.");
            }
        }
        if (!used.contains("email") && !used.contains("first_name") && !used.contains("last_name")) {
            throw new InputRefusedException("mapping", "Choose the column with the email address, or the columns "
                    + "with the names: a contact needs one of them.");
        }
    }

    /** Checks and cleans every row; {@code sampleSize} rows of the file are kept as the preview shows them. */
    static Prepared prepare(CsvReader.Parsed file, List<String> mapping, List<ContactFieldDef> definitions,
                            int sampleSize) {
        Map<String, ContactFieldDef> custom = new HashMap<>();
        definitions.forEach(d -> custom.put("custom:" + d.key(), d));
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> byEmail = new HashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportPreviewRow> sample = new ArrayList<>();
        int merged = 0;
        for (CsvReader.Row line : file.rows()) {
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < mapping.size() && c < line.cells().size(); c++) {
                String field = mapping.get(c);
                if (field != null && !field.isEmpty()) {
                    String value = line.cells().get(c).strip();
                    if (!value.isEmpty()) {
                        values.put(field, value);
                    }
                }
            }
            List<String> reasons = new ArrayList<>();
            String email = values.get("email");
            if (email != null && !ContactService.EMAIL.matcher(email).matches()) {
                reasons.add("Email “" + email + "” is not an email address.");
            }
            String phone = values.get("phone");
            if (phone != null) {
                String e164 = PhoneNumbers.e164(phone).orElse(null);
                if (e164 == null) {
                    reasons.add("Phone “" + phone + "” cannot be read with a country code (e.g. +49 30 1234567).");
                }
                phone = e164;
            }
            if (email == null && values.get("first_name") == null && values.get("last_name") == null) {
                reasons.add("No name and no email.");
            }
            for (ImportField f : STANDARD) {
                String value = values.get(f.key());
                if (value != null && !f.key().equals("tags") && value.length() > 200) {
                    reasons.add(f.label() + " is longer than 200 characters.");
                }
            }
            List<String> tags = new ArrayList<>();
            String tagCell = values.get("tags");
            if (tagCell != null) {
                for (String tag : tagCell.split("[,;|]")) {
                    String clean = tag.strip().toLowerCase(Locale.ROOT);
                    if (clean.isEmpty()) {
                        continue;
                    }
                    if (!ContactService.TAG.matcher(clean).matches()) {
                        reasons.add("Tag “" + clean + "” is not a tag (up to 40 letters, digits, spaces, - or _).");
                    } else if (!tags.contains(clean)) {
                        tags.add(clean);
                    }
                }
            }
            Boolean consent = null;
            String consentCell = values.get("consent");
            if (consentCell != null) {
                consent = yesNo(consentCell);
                if (consent == null) {
                    reasons.add("Marketing consent “" + consentCell + "” is not yes or no.");
                }
            }
            Map<String, String> customValues = new LinkedHashMap<>();
            values.forEach((field, value) -> {
                if (custom.containsKey(field)) {
                    customValues.put(custom.get(field).key(), value);
                }
            });
            List<InputProblem> customProblems = new ArrayList<>();
            String customJson = CustomFieldValues.json(definitions, customValues, customProblems);
            customProblems.forEach(p -> reasons.add(p.message()));

            if (!reasons.isEmpty()) {
                String reason = String.join(" ", reasons);
                problems.add(new ImportProblem(line.line(), reason));
                if (sample.size() < sampleSize) {
                    sample.add(new ImportPreviewRow(line.line(), values.get("first_name"), values.get("last_name"),
                            email, values.get("phone"), values.get("company"), values.get("job_title"), tags,
                            consent, describe(customValues, custom), "Skipped: " + reason, true));
                }
                continue;
            }
            Row row = new Row(line.line(), email, values.get("first_name"), values.get("last_name"), phone,
                    values.get("company"), values.get("job_title"), tags, consent, customValues, customJson);
            String key = email == null ? null : email.toLowerCase(Locale.ROOT);
            Integer earlier = key == null ? null : byEmail.get(key);
            String outcome = null;
            if (earlier != null) {
                Row first = rows.get(earlier);
                rows.set(earlier, merge(first, row, definitions));
                merged++;
                outcome = "Merged into line " + first.line();
            } else {
                if (key != null) {
                    byEmail.put(key, rows.size());
                }
                rows.add(row);
            }
            if (sample.size() < sampleSize) {
                sample.add(new ImportPreviewRow(row.line(), row.firstName(), row.lastName(), row.email(), row.phone(),
                        row.company(), row.jobTitle(), row.tags(), row.consent(), describe(customValues, custom),
                        outcome, false));
            }
        }
        return new Prepared(rows, problems, file.rows().size(), merged, sample);
    }

    private static Row merge(Row first, Row later, List<ContactFieldDef> definitions) {
        List<String> tags = new ArrayList<>(first.tags());
        later.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        Map<String, String> custom = new LinkedHashMap<>(first.custom());
        custom.putAll(later.custom());
        Boolean consent = first.consent() == null ? later.consent() : later.consent() == null ? first.consent()
                : Boolean.valueOf(first.consent() || later.consent());
        return new Row(first.line(), first.email(), or(later.firstName(), first.firstName()),
                or(later.lastName(), first.lastName()), or(later.phone(), first.phone()),
                or(later.company(), first.company()), or(later.jobTitle(), first.jobTitle()), tags, consent, custom,
                CustomFieldValues.json(definitions, custom, new ArrayList<>()));
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    private static String describe(Map<String, String> values, Map<String, ContactFieldDef> custom) {
        List<String> parts = new ArrayList<>();
        values.forEach((key, value) -> parts.add(custom.get("custom:" + key).label() + ": " + value));
        return String.join("; ", parts);
    }

    /** yes, true, 1, y, x, ja, oui → yes; no, false, 0, n, nein, non → no; anything else: not an answer. */
    static Boolean yesNo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y", "x", "ja", "oui", "opted in", "granted" -> Boolean.TRUE;
            case "no", "false", "0", "n", "nein", "non", "opted out" -> Boolean.FALSE;
            default -> null;
        };
    }
}
