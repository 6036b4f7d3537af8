package io.eventos.crm.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.text.CsvReader;
import io.eventos.platform.text.Json;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports contacts from a CSV file (docs/architecture.md, "Contacts", import). {@link #preview} reads the file and
 * says what importing it would do, writing nothing; {@link #open} checks it again and writes the import's status row;
 * {@link #run} (in the background, {@link ContactImports}) writes every row in <b>one transaction</b>, set-based: per
 * chunk of {@link #CHUNK} rows one statement updates the contacts whose email (any case) is in the chunk, inserts
 * the others and adds each one's "Imported from FILE" timeline entry. A file refused as a whole, or anything failing
 * on the way, leaves no contact behind. How far it got is written to the status row in transactions of their own
 * ({@link ContactImportProgress}), so the page can show it while the import's transaction is open.
 * <p>Merging into an existing contact: the file's values replace the contact's where the file has one (an empty cell
 * changes nothing), tags and custom fields are added, consent "yes" gives consent unless the person withdrew it
 * before, and "no" never withdraws it (withdrawing is the person's act: unsubscribing, or the contact page).
 * CONTACTS_MANAGE_ALL: an import edits contacts whoever owns them, like the bulk changes.
 */
@Stateless
@TenantBound
public class ContactImportService {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ContactImportService.class.getName());

    /** Rows written per statement. */
    static final int CHUNK = 5_000;
    /** Rows shown as they will be imported. */
    public static final int SAMPLE = 10;
    /** Skipped rows listed with their reason (the preview and the summary). */
    public static final int PROBLEMS_SHOWN = 100;
    /** The largest file accepted, below the uploads' limit of the request (RequestBodyLimitFilter). */
    public static final int MAX_BYTES = 20_000_000;
    /** What a larger file is told. */
    public static final String TOO_LARGE = "The file is larger than 20 MB: split it into smaller files.";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    ContactFieldService fields;

    @Inject
    ContactImportProgress progress;

    @Inject
    ContactAudit audit;

    Clock clock = Clock.systemUTC();

    /** The fields a column can fill (the contact's and the account's custom fields); also: may this member import. */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public List<ImportField> fieldChoices() {
        return ContactImportFile.fields(fields.list());
    }

    /**
     * What importing the file would do, with the columns mapped as {@code mapping} says (by column: a field key of
     * {@link ImportPreview#fields()} or "" to leave it out) or, when null, as guessed from the column names.
     * A file that cannot be read as a whole is refused ({@link InputRefusedException} for the field "file").
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public ImportPreview preview(byte[] content, List<String> mapping) {
        List<ContactFieldDef> definitions = fields.list();
        CsvReader.Parsed file = read(content);
        List<ImportField> choices = ContactImportFile.fields(definitions);
        List<String> columns = mapping == null ? ContactImportFile.guess(file.header(), definitions)
                : fit(mapping, file.header().size());
        ContactImportFile.checkMapping(columns, choices);
        ContactImportFile.Prepared prepared = ContactImportFile.prepare(file, columns, definitions, SAMPLE);
        Set<String> existing = existing(prepared.rows());
        int toUpdate = (int) prepared.rows().stream()
                .filter(r -> r.email() != null && existing.contains(r.email().toLowerCase(Locale.ROOT))).count();
        List<ImportPreviewRow> sample = prepared.sample().stream().map(r -> r.outcome() != null ? r
                : new ImportPreviewRow(r.line(), r.firstName(), r.lastName(), r.email(), r.phone(), r.company(),
                r.jobTitle(), r.tags(), r.consent(), r.custom(), r.email() != null
                && existing.contains(r.email().toLowerCase(Locale.ROOT)) ? "Updates a contact" : "New contact",
                false)).toList();
        List<String> examples = new ArrayList<>();
        for (int c = 0; c < file.header().size(); c++) {
            final int column = c;
            examples.add(file.rows().stream().map(r -> r.cells().get(column).strip()).filter(v -> !v.isEmpty())
                    .findFirst().orElse(""));
        }
        return new ImportPreview(file.header(), examples, columns, choices, sample,
                prepared.problems().stream().limit(PROBLEMS_SHOWN).toList(), prepared.total(),
                prepared.rows().size() - toUpdate, toUpdate, prepared.problems().size(), prepared.merged());
    }

    /**
     * Checks the file and mapping as {@link #preview} does and writes the import's status row ("running", in the
     * caller's transaction); returns its id. {@link ContactImports#start} then runs it.
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public UUID open(String fileName, byte[] content, List<String> mapping) {
        String name = fileName(fileName);
        List<ContactFieldDef> definitions = fields.list();
        CsvReader.Parsed file = read(content);
        List<String> columns = fit(mapping, file.header().size());
        ContactImportFile.checkMapping(columns, ContactImportFile.fields(definitions));
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into contact_imports (id, account_id, file_name, total_rows, created_by)
                        values (?1, ?2, ?3, ?4, cast(nullif(?5, '') as uuid))""")
                .setParameter(1, id).setParameter(2, CurrentTenant.require()).setParameter(3, name)
                .setParameter(4, file.rows().size()).setParameter(5, CurrentTenant.user().map(UUID::toString)
                        .orElse("")).executeUpdate();
        return id;
    }

    /**
     * Imports the file in this one transaction (see the class comment) and marks the status row done with what it
     * did; the audit log gets "contacts.imported" with the counts. Anything thrown rolls it all back.
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public ImportStatus run(UUID importId, String fileName, byte[] content, List<String> mapping) {
        UUID account = CurrentTenant.require();
        String name = fileName(fileName);
        long started = System.nanoTime();
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "contact_import:" + account).getSingleResult(); // one import per account at a time
        List<ContactFieldDef> definitions = fields.list();
        CsvReader.Parsed file = read(content);
        List<String> columns = fit(mapping, file.header().size());
        ContactImportFile.checkMapping(columns, ContactImportFile.fields(definitions));
        ContactImportFile.Prepared prepared = ContactImportFile.prepare(file, columns, definitions, 0);
        long read = System.nanoTime();
        Timestamp now = Timestamp.from(clock.instant());
        String subject = "Imported from " + name;
        String data = Json.createObjectBuilder().add("import", importId.toString()).add("file", name).build()
                .toString();
        String actor = CurrentTenant.user().map(UUID::toString).orElse("");
        // The planner's statistics of contacts never see the rows this transaction adds (nor, often, an account's
        // recent growth), so it took the account's contacts for a few and joined them to each chunk by a nested loop:
        // each chunk cost more than the last (100,000 rows: minutes per chunk). Hash joins cost one pass over the
        // account's contacts per chunk whatever the estimates; for this transaction only.
        em.createNativeQuery("select set_config('enable_nestloop', 'off', true)").getSingleResult();
        int created = 0;
        int updated = 0;
        List<ContactImportFile.Row> rows = prepared.rows();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<ContactImportFile.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Object[] counts = (Object[]) em.createNativeQuery(WRITE)
                    .setParameter(1, json(chunk)).setParameter(2, now).setParameter(3, subject)
                    .setParameter(4, account).setParameter(5, subject).setParameter(6, actor).setParameter(7, data)
                    .getSingleResult();
            updated += (int) SqlValues.number(counts[0]);
            created += (int) SqlValues.number(counts[1]);
            // rows of the file behind this chunk, in proportion (skipped and merged rows count as read)
            progress.progress(importId, (int) ((long) prepared.total() * (from + chunk.size()) / rows.size()));
        }
        int skipped = prepared.problems().size() + (rows.size() - created - updated); // the latter: a race, rare
        JsonArrayBuilder problems = Json.createArrayBuilder();
        prepared.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> problems.add(Json.createObjectBuilder()
                .add("line", p.line()).add("reason", p.reason())));
        em.createNativeQuery("""
                        update contact_imports set status = 'done', processed_rows = total_rows, created_count = ?2,
                               updated_count = ?3, skipped_count = ?4, merged_count = ?5,
                               problems = cast(?6 as jsonb), finished_at = ?7, updated_at = now()
                        where id = ?1""")
                .setParameter(1, importId).setParameter(2, created).setParameter(3, updated)
                .setParameter(4, skipped).setParameter(5, prepared.merged())
                .setParameter(6, problems.build().toString()).setParameter(7, now).executeUpdate();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", name);
        facts.put("rows", prepared.total());
        facts.put("created", created);
        facts.put("updated", updated);
        facts.put("skipped", skipped);
        facts.put("merged", prepared.merged());
        audit.record("contacts.imported", "contact_import", importId, facts);
        LOG.info(String.format("Import %s: %,d rows read and checked in %,d ms, written in %,d ms (before the commit)",
                importId, prepared.total(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000));
        return status(importId);
    }

    /** The import as its status row tells it; an unknown id (or another account's) is null. */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public ImportStatus status(UUID importId) {
        List<?> found = em.createNativeQuery("""
                        select id, file_name, status, total_rows, processed_rows, created_count, updated_count,
                               skipped_count, merged_count, problems::text, error, finished_at,
                               updated_at < now() - interval '10 minutes'
                        from contact_imports where id = ?1""")
                .setParameter(1, importId).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) found.get(0);
        List<ImportProblem> problems = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader((String) r[9]))) {
            reader.readArray().getValuesAs(JsonObject.class).forEach(p ->
                    problems.add(new ImportProblem(p.getInt("line"), p.getString("reason"))));
        }
        String status = (String) r[2];
        String error = (String) r[10];
        if ("running".equals(status) && Boolean.TRUE.equals(r[12])) {
            status = "failed"; // nothing has moved for 10 minutes: the server stopped while importing
            error = "The import stopped before it finished (the server was restarted). Nothing was imported.";
        }
        return new ImportStatus(SqlValues.uuid(r[0]), (String) r[1], status, (int) SqlValues.number(r[3]),
                (int) SqlValues.number(r[4]), (int) SqlValues.number(r[5]), (int) SqlValues.number(r[6]),
                (int) SqlValues.number(r[7]), (int) SqlValues.number(r[8]), problems, error,
                SqlValues.instant(r[11]));
    }

    /**
     * One chunk: ?1 the rows as a JSON array, ?2 the time, ?3 the consent source, ?4 the account, ?5 the timeline
     * entry's subject, ?6 the member importing (or ''), ?7 the entry's data. All parts see the same snapshot: the
     * insert skips the emails the update found, and the timeline entries go to the rows both return. The account
     * is named besides row level security so that the unique index (account_id, lower(email)) is used.
     */
    private static final String WRITE = """
            with input as (
                select * from jsonb_to_recordset(cast(?1 as jsonb)) as i(email text, first_name text, last_name text,
                    phone text, company text, job_title text, tags jsonb, custom jsonb, consent boolean)
            ), updated as (
                update contacts c set
                    first_name = coalesce(i.first_name, c.first_name),
                    last_name = coalesce(i.last_name, c.last_name),
                    phone = coalesce(i.phone, c.phone),
                    company = coalesce(i.company, c.company),
                    job_title = coalesce(i.job_title, c.job_title),
                    tags = c.tags || coalesce((select jsonb_agg(t.value) from jsonb_array_elements(i.tags) t
                                               where not c.tags @> jsonb_build_array(t.value)), '[]'::jsonb),
                    custom_fields = c.custom_fields || i.custom,
                    marketing_consent = c.marketing_consent
                                        or (coalesce(i.consent, false) and c.unsubscribed_at is null),
                    marketing_consent_at = case when not c.marketing_consent and coalesce(i.consent, false)
                                                     and c.unsubscribed_at is null then cast(?2 as timestamptz)
                                                else c.marketing_consent_at end,
                    consent_source = case when not c.marketing_consent and coalesce(i.consent, false)
                                               and c.unsubscribed_at is null then ?3
                                          else c.consent_source end,
                    last_activity_at = cast(?2 as timestamptz),
                    updated_at = now()
                from input i
                where i.email is not null and c.account_id = ?4 and lower(c.email) = lower(i.email)
                  and c.erased_at is null
                returning c.id
            ), inserted as (
                insert into contacts (id, account_id, email, first_name, last_name, phone, company, job_title, tags,
                                      custom_fields, marketing_consent, marketing_consent_at, consent_source, source,
                                      last_activity_at)
                select gen_random_uuid(), ?4, i.email, i.first_name, i.last_name, i.phone, i.company, i.job_title,
                       i.tags, i.custom, coalesce(i.consent, false),
                       case when i.consent then cast(?2 as timestamptz) end, case when i.consent then ?3 end,
                       'import', cast(?2 as timestamptz)
                from input i
                where i.email is null or not exists (select 1 from contacts c
                                                     where c.account_id = ?4 and lower(c.email) = lower(i.email))
                on conflict (account_id, lower(email)) where email is not null do nothing
                returning id
            ), logged as (
                insert into activities (id, account_id, contact_id, kind, subject, occurred_at, actor_user_id, data)
                select gen_random_uuid(), ?4, t.id, 'imported', ?5, cast(?2 as timestamptz),
                       cast(nullif(?6, '') as uuid), cast(?7 as jsonb)
                from (select id from updated union all select id from inserted) t
            )
            select (select count(*) from updated), (select count(*) from inserted)""";

    private static String json(List<ContactImportFile.Row> rows) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ContactImportFile.Row r : rows) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            put(o, "email", r.email());
            put(o, "first_name", r.firstName());
            put(o, "last_name", r.lastName());
            put(o, "phone", r.phone());
            put(o, "company", r.company());
            put(o, "job_title", r.jobTitle());
            JsonArrayBuilder tags = Json.createArrayBuilder();
            r.tags().forEach(tags::add);
            o.add("tags", tags);
            try (var reader = Json.createReader(new StringReader(r.customJson()))) {
                o.add("custom", reader.readObject());
            }
            if (r.consent() != null) {
                o.add("consent", r.consent());
            }
            array.add(o);
        }
        return array.build().toString();
    }

    private static void put(JsonObjectBuilder o, String key, String value) {
        if (value != null) {
            o.add(key, value);
        }
    }

    /** The emails (lower case) of these rows that a contact of the account has. */
    private Set<String> existing(List<ContactImportFile.Row> rows) {
        JsonArrayBuilder emails = Json.createArrayBuilder();
        rows.stream().filter(r -> r.email() != null).forEach(r -> emails.add(r.email().toLowerCase(Locale.ROOT)));
        Set<String> found = new HashSet<>();
        // as in run(): with stale statistics a nested loop over the account's contacts would cost rows x contacts
        em.createNativeQuery("select set_config('enable_nestloop', 'off', true)").getSingleResult();
        for (Object email : em.createNativeQuery("""
                        select lower(c.email) from contacts c
                        where c.account_id = ?1 and c.erased_at is null
                          and lower(c.email) in (select jsonb_array_elements_text(cast(?2 as jsonb)))""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, emails.build().toString()).getResultList()) {
            found.add((String) email);
        }
        return found;
    }

    private static CsvReader.Parsed read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InputRefusedException("file", "Choose a CSV file.");
        }
        if (content.length > MAX_BYTES) {
            throw new InputRefusedException("file", TOO_LARGE);
        }
        try {
            return CsvReader.read(content, ContactImportFile.MAX_ROWS);
        } catch (CsvReader.BadFileException bad) {
            throw new InputRefusedException("file", bad.getMessage() + " Nothing was imported.");
        }
    }

    /** The mapping as long as the header: missing columns are left out, extra entries dropped. */
    private static List<String> fit(List<String> mapping, int columns) {
        List<String> fitted = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            String field = mapping == null || c >= mapping.size() ? null : mapping.get(c);
            fitted.add(field == null ? "" : field);
        }
        return fitted;
    }

    private static String fileName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "").strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            name = "a file";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
