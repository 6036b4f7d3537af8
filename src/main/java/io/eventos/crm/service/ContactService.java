package io.eventos.crm.service;

import io.eventos.crm.domain.Activity;
import io.eventos.crm.domain.ActivityKind;
import io.eventos.crm.domain.Contact;
import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.persistence.ListTotal;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.text.PrefixQuery;
import io.eventos.platform.text.Table;
import io.eventos.platform.text.TableFiles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The organizer's contacts: a list searched, filtered and paged in SQL, one contact with its timeline and consent
 * history, and what the team does with them — create, edit, tag, assign, record notes, calls, meetings and tasks,
 * change consent, export. Members edit only the contacts they own; managers and up edit all (docs/permissions.md).
 * <p>Made for a million contacts per account: the list reads one page through an index (last activity or name; the
 * search's GIN index on the tsvector; the timeline's index by event and kind for the event filters) and never counts
 * more than {@link #COUNT_LIMIT} rows: beyond that the page says "more than 1,000".
 */
@Stateless
@TenantBound
public class ContactService {

    /**
     * The list and the segments count matches up to this many; more is shown as "more than 1,000". Counting reads
     * each match's row: at a million contacts, 10,000 of them scattered over the table cost up to a second for a
     * broad filter (a tag on one contact in 97, bench/contacts.sh), 1,000 a tenth of that. The paginator offers the
     * first 1,000 rows (40 pages); search and filters narrow a bigger list, and the export has every match.
     */
    public static final int COUNT_LIMIT = 1_000;

    /**
     * A tag on this share of the account's contacts or more is tested on a search's matches rather than read from its
     * index (see {@link #where}): testing reads at most about ten matches per contact kept, while the tag's bitmap
     * holds every tagged contact of the account.
     */
    static final double COMMON_TAG_SHARE = 0.1;

    private static final Map<String, String> SORTABLE = Map.of(
            "lastActivity", "c.last_activity_at %s nulls last",
            "name", "lower(c.last_name) %s, lower(c.first_name) %s",
            "created", "c.created_at %s");
    private static final Set<String> ENTRY_KINDS = Set.of("note", "call", "meeting", "task");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,39}");

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    Authorizer authorizer;

    @Inject
    ContactFieldService fields;

    @Inject
    ContactTeam team;

    @Inject
    ContactEvents events;

    @Inject
    ContactTicketTypes ticketTypes;

    @Inject
    ContactTagShares tagShares;

    Clock clock = Clock.systemUTC();

    // ------------------------------------------------------------------------------------------------- the list

    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<ContactRow> list(ContactFilter filter, int first, int pageSize, String sortField, boolean ascending) {
        Map<Integer, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        String order = order(sortField, ascending);
        // the page's ids first, then their rows: walking the list in last-activity order tests each contact against
        // the filters, and V44's index holds what they test, so that walk reads the index alone
        Query query = em.createNativeQuery("select " + ROW_COLUMNS + " from contacts c join (select c.id from "
                + "contacts c where " + where + " order by " + order + " limit " + pageLimit(pageSize) + " offset "
                + Math.max(0, first) + ") p on p.id = c.id order by " + order);
        parameters.forEach(query::setParameter);
        List<ContactRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(contactRow((Object[]) row));
        }
        return rows;
    }

    /**
     * A search's count with its first page, in one statement; null when the filter has no search text (then
     * {@link #count} and {@link #list}). The count reads up to {@link #COUNT_LIMIT} + 1 matches found in the GIN index
     * anyway; when that is all of them, sorting them gives the page, and the page's own statement (which walks the
     * list in the sort's order testing every contact against the search: "schm" at a million contacts removed 57,729
     * rows for 25, docs/benchmarks.md, "Contacts at scale") is not needed. With more matches the rows are null and
     * the count says "more than", as {@link #count} does; reading more of them to sort would cost more than that walk
     * for a broad search (measured: 5,000 instead of 1,000 made "an" 8 → 52 ms and search + tag + consent 10 → 63 ms).
     */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public SearchPage searchFirstPage(ContactFilter filter, int pageSize, String sortField, boolean ascending) {
        if (PrefixQuery.of(filter.text()) == null) {
            return null;
        }
        Map<Integer, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        // the inner limit bounds what is counted and sorted, as count's does
        Query query = em.createNativeQuery("select " + ROW_COLUMNS + ", count(*) over () from (select "
                + "c.id, c.first_name, c.last_name, c.email, c.phone, c.company, c.tags, c.marketing_consent, "
                + "c.owner_user_id, c.last_activity_at, c.created_at from contacts c where " + where
                + " limit " + (COUNT_LIMIT + 1) + ") c order by " + order(sortField, ascending)
                + " limit " + pageLimit(pageSize));
        parameters.forEach(query::setParameter);
        List<ContactRow> rows = new ArrayList<>();
        long matches = 0;
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(contactRow(r));
            matches = SqlValues.number(r[10]);
        }
        return new SearchPage(matches, matches > COUNT_LIMIT ? null : List.copyOf(rows));
    }

    /**
     * What {@link #searchFirstPage} read: how many contacts match, counted up to {@link #COUNT_LIMIT} + 1 (so "more
     * than" can be told), and the first page, or null rows when more than {@link #COUNT_LIMIT} match (then
     * {@link #list} reads the page).
     */
    public record SearchPage(long matches, List<ContactRow> rows) implements java.io.Serializable {
    }

    /** The columns of a {@link ContactRow}, from {@code contacts c}. */
    private static final String ROW_COLUMNS = "c.id, c.first_name, c.last_name, c.email, c.phone, c.company, "
            + "c.tags::text, c.marketing_consent, c.owner_user_id, c.last_activity_at";

    private static ContactRow contactRow(Object[] r) {
        return new ContactRow(SqlValues.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], tags((String) r[6]), Boolean.TRUE.equals(r[7]), SqlValues.uuid(r[8]),
                SqlValues.instant(r[9]));
    }

    /** The list's order: the sort column (last activity when unknown) in {@code ascending} or not, then the id. */
    private static String order(String sortField, boolean ascending) {
        String direction = ascending ? "asc" : "desc";
        return SORTABLE.getOrDefault(String.valueOf(sortField), SORTABLE.get("lastActivity"))
                .replace("%s", direction) + ", c.id " + direction;
    }

    private static int pageLimit(int pageSize) {
        return Math.max(1, Math.min(pageSize, 500));
    }

    /** How many contacts match, counted up to {@link #COUNT_LIMIT} + 1 (so "more than" can be told). */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public long count(ContactFilter filter) {
        Map<Integer, Object> parameters = new HashMap<>();
        Query query = em.createNativeQuery("select count(*) from (select 1 from contacts c where "
                + where(filter, parameters) + " limit " + (COUNT_LIMIT + 1) + ") matches");
        parameters.forEach(query::setParameter);
        return SqlValues.number(query.getSingleResult());
    }

    /**
     * The filtered list for its CSV and XLSX files ({@link TableFiles}): every match, newest activity first, the
     * columns of the list and a few more.
     */
    @RequiresPermission(Permission.DATA_EXPORT)
    public Table export(ContactFilter filter) {
        Map<UUID, String> owners = team.members().stream()
                .collect(Collectors.toMap(ContactTeam.TeamMate::userId, ContactTeam.TeamMate::name));
        Map<Integer, Object> parameters = new HashMap<>();
        Query query = em.createNativeQuery("""
                select c.first_name, c.last_name, c.email, c.phone, c.company, c.job_title, c.tags::text,
                       c.marketing_consent, c.owner_user_id, c.last_activity_at
                from contacts c where\s""" + where(filter, parameters)
                + " order by c.last_activity_at desc nulls last, c.id desc"); // as the list shows it
        parameters.forEach(query::setParameter);
        List<List<Object>> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            Instant last = SqlValues.instant(r[9]);
            rows.add(java.util.Arrays.asList(r[0], r[1], r[2], r[3], r[4], r[5],
                    String.join(" ", tags((String) r[6])), Boolean.TRUE.equals(r[7]) ? "yes" : "no",
                    owners.get(SqlValues.uuid(r[8])), last == null ? null : last.toString()));
        }
        return new Table("Contacts", List.of("first name", "last name", "email", "phone", "company", "job title",
                "tags", "marketing consent", "owner", "last activity (UTC)"), rows);
    }

    /**
     * How many contacts match each filter, each counted up to {@link #COUNT_LIMIT} + 1, in one statement (the
     * segments' live counts: one statement however many segments the account has).
     */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<Long> counts(List<ContactFilter> filters) {
        if (filters.isEmpty()) {
            return List.of();
        }
        Map<Integer, Object> parameters = new HashMap<>();
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            counts.add("(select count(*) from (select 1 from contacts c where "
                    + where(filters.get(i), parameters, i * WHERE_PARAMETERS) + " limit " + (COUNT_LIMIT + 1) + ") m)");
        }
        Query query = em.createNativeQuery("select " + String.join(", ", counts));
        parameters.forEach(query::setParameter);
        return Arrays.stream(SqlValues.numbers(query.getSingleResult())).boxed().toList();
    }

    /** How many numbered parameters {@link #where} uses at most: ten, and two per custom field condition. */
    private static final int WHERE_PARAMETERS = 10 + 2 * ContactFilter.MAX_CUSTOM_CONDITIONS;

    private String where(ContactFilter filter, Map<Integer, Object> parameters) {
        return where(filter, parameters, 0);
    }

    /** The filter's condition; its parameters are numbered from {@code base + 1} (up to {@link #WHERE_PARAMETERS}). */
    private String where(ContactFilter filter, Map<Integer, Object> parameters, int base) {
        List<String> clauses = new ArrayList<>();
        clauses.add("c.erased_at is null");
        clauses.add("c.merged_into_id is null"); // a merged contact lives on in its survivor (ContactMergeService)
        String query = PrefixQuery.of(filter.text());
        if (query != null) {
            parameters.put(base + 1, query);
            clauses.add("c.search @@ to_tsquery('simple', ?%d)".formatted(base + 1));
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            String tag = Json.createArrayBuilder().add(filter.tag().strip().toLowerCase(Locale.ROOT)).build()
                    .toString();
            parameters.put(base + 2, tag);
            // With a search, a tag on many contacts is tested on the search's matches (the function form of @>,
            // which no index serves) instead of read from the tags' GIN index: the planner joins both indexes, and
            // the bitmap of a tag on 333,000 contacts costs 50 ms where testing the 20,000 contacts matching "web"
            // costs 4 (docs/benchmarks.md, "Contacts at scale"). A rarer tag keeps its index: testing a broad
            // search's matches for it would read many more of them.
            clauses.add((query != null && commonTag(tag) ? "jsonb_contains(c.tags, cast(?%d as jsonb))"
                    : "c.tags @> cast(?%d as jsonb)").formatted(base + 2));
        }
        // event behaviour: the facts kept with the timeline (V36, ContactEventFacts), not the timeline itself
        if (filter.boughtEvent() != null) {
            parameters.put(base + 3, filter.boughtEvent());
            clauses.add(("c.id in (select f.contact_id from contact_event_facts f where f.event_id = ?%d"
                    + " and f.bought_at is not null)").formatted(base + 3));
        }
        if (filter.attendedEvent() != null) {
            parameters.put(base + 4, filter.attendedEvent());
            clauses.add(("c.id in (select f.contact_id from contact_event_facts f where f.event_id = ?%d"
                    + " and f.attended_at is not null)").formatted(base + 4));
        }
        if ("yes".equals(filter.consent())) {
            clauses.add("c.marketing_consent");
        } else if ("no".equals(filter.consent())) {
            clauses.add("not c.marketing_consent");
        }
        if (filter.owner() != null) {
            parameters.put(base + 5, filter.owner());
            clauses.add("c.owner_user_id = ?%d".formatted(base + 5));
        }
        if (filter.boughtNotAttendedEvent() != null) {
            // a fact without attendance is a purchase (the table's check)
            parameters.put(base + 6, filter.boughtNotAttendedEvent());
            clauses.add(("c.id in (select f.contact_id from contact_event_facts f where f.event_id = ?%d"
                    + " and f.attended_at is null)").formatted(base + 6));
        }
        if (filter.attendedAtLeast() != null && filter.attendedAtLeast() > 0) {
            clauses.add("c.id in (select n.contact_id from contact_event_counts n where n.events_attended >= "
                    + filter.attendedAtLeast() + ")");
        }
        if ("first".equals(filter.buyer()) || "repeat".equals(filter.buyer())) {
            clauses.add("c.id in (select n.contact_id from contact_event_counts n where n.events_bought "
                    + ("first".equals(filter.buyer()) ? "= 1" : ">= 2") + ")");
        }
        salesAndCustomFields(filter, parameters, base, clauses);
        return String.join(" and ", clauses);
    }

    /**
     * Whether the tag (a jsonb array of it) is on at least {@link #COMMON_TAG_SHARE} of the account's contacts, by the
     * planner's statistics (one statement that reads no row), as {@link ContactTagShares} last found it.
     */
    private boolean commonTag(String tag) {
        return tagShares.common(CurrentTenant.require(), tag, () -> {
            long[] rows = ListTotal.estimates(em, Map.of(1, tag),
                    "select 1 from contacts c where c.tags @> cast(?1 as jsonb)", "select 1 from contacts c");
            return rows[0] >= rows[1] * COMMON_TAG_SHARE;
        });
    }

    /**
     * The rules read from ticketing's read model (V30: {@code abandoned_checkout_emails}, {@code contact_spend},
     * {@code contact_ticket_types}, SQL functions PostgreSQL inlines into this statement, under row level security)
     * and the custom field conditions (each one more clause, all of which must hold); parameters {@code base + 7}
     * to {@code base + 10}, then two per custom field condition.
     */
    private static void salesAndCustomFields(ContactFilter filter, Map<Integer, Object> parameters, int base,
                                             List<String> clauses) {
        if (filter.abandoned() != null) {
            String event = "null";
            if (!"any".equals(filter.abandoned())) {
                parameters.put(base + 7, filter.abandoned());
                event = "cast(?%d as uuid)".formatted(base + 7);
            }
            // by address, the way the checkout knew the person; an address merged into another contact counts there
            clauses.add("c.id in (select coalesce(m.merged_into_id, m.id) from contacts m where m.email is not null"
                    + " and lower(m.email) in (select x.email_key from abandoned_checkout_emails(" + event + ") x))");
        }
        if (filter.spentAtLeastMinor() != null && filter.spentCurrency() != null) {
            parameters.put(base + 8, filter.spentCurrency());
            parameters.put(base + 9, filter.spentAtLeastMinor());
            clauses.add(("c.id in (select s.contact_id from contact_spend() s where s.currency = cast(?%d as text)"
                    + " and s.spent_minor >= ?%d)").formatted(base + 8, base + 9));
        }
        if (filter.ticketType() != null) {
            parameters.put(base + 10, filter.ticketType());
            clauses.add("c.id in (select b.contact_id from contact_ticket_types() b where b.ticket_id = ?%d)"
                    .formatted(base + 10));
        }
        if (filter.custom().size() > ContactFilter.MAX_CUSTOM_CONDITIONS) {
            clauses.add("false"); // ContactFilters allows no more: matches nobody rather than more than asked
            return;
        }
        int number = base + 10;
        for (CustomFieldCondition custom : filter.custom()) { // all of them hold
            int keyNumber = ++number;
            int valueNumber = ++number;
            String field = "(c.custom_fields ->> cast(?%d as text))".formatted(keyNumber);
            String value = "?%d".formatted(valueNumber);
            String condition = switch (custom.kind() + ":" + custom.operator()) {
                case "text:contains" -> "strpos(lower(" + field + "), lower(cast(" + value + " as text))) > 0";
                case "text:equals" -> "lower(" + field + ") = lower(cast(" + value + " as text))";
                case "number:at_least", "number:at_most" -> "(case when jsonb_typeof(c.custom_fields -> cast(?%d as"
                        .formatted(keyNumber) + " text)) = 'number' then " + field + "::numeric end) "
                        + (custom.operator().equals("at_least") ? ">=" : "<=") + " cast(" + value + " as numeric)";
                case "date:before", "date:after" -> "(case when " + field + " ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then "
                        + field + " end) " + (custom.operator().equals("before") ? "<" : ">") + " cast(" + value
                        + " as text)";
                case "choice:is" -> field + " = cast(" + value + " as text)";
                case "yes_no:is" -> "(c.custom_fields -> cast(?%d as text))".formatted(keyNumber)
                        + " = cast(" + value + " as jsonb)";
                default -> "false";
            }; // an unknown condition matches nobody rather than everybody
            if (!condition.equals("false")) {
                parameters.put(keyNumber, custom.key());
                parameters.put(valueNumber, custom.kind().equals("yes_no")
                        ? (custom.value().equals("yes") ? "true" : "false") : custom.value());
            }
            clauses.add(condition);
        }
    }

    // ---------------------------------------------------------------------------------------------- one contact

    @RequiresPermission(Permission.CONTACTS_VIEW)
    public ContactDetails detail(UUID contactId) {
        Contact contact = find(contactId);
        return details(contact);
    }

    private ContactDetails details(Contact c) {
        Map<String, String> custom = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(c.getCustomFieldsJson()))) {
            reader.readObject().forEach((key, value) -> custom.put(key, switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case TRUE -> "true";
                case FALSE -> "false";
                default -> value.toString();
            }));
        }
        ContactForm form = new ContactForm(c.getFirstName(), c.getLastName(), c.getEmail(), c.getPhone(),
                c.getCompany(), c.getJobTitle(), c.getAddressLine(), c.getPostalCode(), c.getCity(), c.getCountry(),
                tags(c.getTagsJson()), c.getOwnerUserId(), custom);
        return new ContactDetails(c.getId(), form, c.isMarketingConsent(), c.getMarketingConsentAt(),
                c.getConsentSource(), c.getUnsubscribedAt(), c.getSource(), c.getCreatedAt(), c.getLastActivityAt(),
                mayEdit(c.getOwnerUserId()));
    }

    /**
     * A new contact. A member who may not edit every contact owns what they create (so they can go on editing it);
     * giving it to someone else needs {@link Permission#CONTACTS_MANAGE_ALL}.
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE)
    public UUID create(ContactForm form) {
        UUID me = CurrentTenant.user().orElseThrow(() -> new AccessDeniedException("Sign in to do this."));
        UUID owner = form.ownerUserId();
        if (owner == null && !may(Permission.CONTACTS_MANAGE_ALL)) {
            owner = me;
        } else if (owner != null && !owner.equals(me)) {
            authorizer.check(Permission.CONTACTS_MANAGE_ALL, null);
        }
        Contact contact = new Contact(null, null, null);
        contact.setSource("manual");
        apply(contact, form, owner);
        em.persist(contact);
        em.flush();
        return contact.getId();
    }

    /** Saves the contact's fields, tags, owner and custom fields; every refused value is named with its field. */
    @RequiresPermission(Permission.CONTACTS_MANAGE)
    public void update(UUID contactId, ContactForm form) {
        Contact contact = find(contactId);
        requireEditable(contact);
        UUID owner = form.ownerUserId();
        if (!java.util.Objects.equals(owner, contact.getOwnerUserId())) {
            authorizer.check(Permission.CONTACTS_MANAGE_ALL, null); // a member cannot give their contact away
        }
        apply(contact, form, owner);
        em.flush();
    }

    private void apply(Contact contact, ContactForm form, UUID owner) {
        List<InputProblem> problems = new ArrayList<>();
        String email = trim(form.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new InputProblem("email", "Enter an email address like name@example.com."));
        } else if (email != null) {
            // a merged contact keeps its address (a sale to it follows the merge): name the contact it lives on in
            List<?> other = em.createNativeQuery("""
                            select coalesce(s.first_name, c.first_name), coalesce(s.last_name, c.last_name),
                                   c.merged_into_id is not null
                            from contacts c left join contacts s on s.account_id = c.account_id and s.id = c.merged_into_id
                            where lower(c.email) = lower(?1) and c.id <> ?2 and c.erased_at is null""")
                    .setParameter(1, email).setParameter(2, contact.getId()).getResultList();
            if (!other.isEmpty()) {
                Object[] r = (Object[]) other.get(0);
                problems.add(new InputProblem("email", "Another contact has this email address ("
                        + ContactNames.display((String) r[0], (String) r[1], email)
                        + (Boolean.TRUE.equals(r[2]) ? ", merged from a duplicate" : "") + ")."));
            }
        }
        String phone = trim(form.phone());
        if (phone != null) {
            phone = PhoneNumbers.e164(phone).orElse(null);
            if (phone == null) {
                problems.add(new InputProblem("phone", "Enter the phone number with its country code, e.g. "
                        + "+49 30 1234567."));
            }
        }
        String first = trim(form.firstName());
        String last = trim(form.lastName());
        if (first == null && last == null && email == null) {
            problems.add(new InputProblem("firstName", "Enter a name or an email address."));
        }
        lengths(problems, form);
        List<String> tags = new ArrayList<>();
        for (String tag : form.tags() == null ? List.<String>of() : form.tags()) {
            String clean = trim(tag);
            if (clean == null) {
                continue;
            }
            clean = clean.toLowerCase(Locale.ROOT);
            if (!TAG.matcher(clean).matches()) {
                problems.add(new InputProblem("tags", "A tag is up to 40 letters, digits, spaces, - or _ (\""
                        + clean + "\" is not)."));
            } else if (!tags.contains(clean)) {
                tags.add(clean);
            }
        }
        if (owner != null && team.members().stream().noneMatch(m -> m.userId().equals(owner))) {
            problems.add(new InputProblem("owner", "Choose a member of your team."));
        }
        String custom = CustomFieldValues.json(fields.list(), form.customFields(), problems);
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        contact.setFirstName(first);
        contact.setLastName(last);
        contact.setEmail(email);
        contact.setPhone(phone);
        contact.setCompany(trim(form.company()));
        contact.setJobTitle(trim(form.jobTitle()));
        contact.setAddressLine(trim(form.addressLine()));
        contact.setPostalCode(trim(form.postalCode()));
        contact.setCity(trim(form.city()));
        contact.setCountry(trim(form.country()));
        JsonArrayBuilder array = Json.createArrayBuilder();
        tags.forEach(array::add);
        contact.setTagsJson(array.build().toString());
        contact.setOwnerUserId(owner);
        contact.setCustomFieldsJson(custom);
    }

    private static void lengths(List<InputProblem> problems, ContactForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", form.firstName());
        values.put("lastName", form.lastName());
        values.put("email", form.email());
        values.put("company", form.company());
        values.put("jobTitle", form.jobTitle());
        values.put("addressLine", form.addressLine());
        values.put("postalCode", form.postalCode());
        values.put("city", form.city());
        values.put("country", form.country());
        values.forEach((field, value) -> {
            if (value != null && value.strip().length() > 200) {
                problems.add(new InputProblem(field, "At most 200 characters."));
            }
        });
    }

    /**
     * Gives or withdraws marketing consent; {@code source} says how the person said so (e.g. "asked by phone").
     * The history (contact_consents) is written by the database with the change, with the signed-in member.
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE)
    public void changeConsent(UUID contactId, boolean granted, String source) {
        Contact contact = find(contactId);
        requireEditable(contact);
        String how = trim(source);
        if (how == null) {
            throw new InputRefusedException("consentSource", "Say how the person gave or withdrew consent.");
        }
        if (how.length() > 200) {
            throw new InputRefusedException("consentSource", "At most 200 characters.");
        }
        if (contact.isMarketingConsent() == granted) {
            return;
        }
        Instant now = clock.instant();
        contact.setMarketingConsent(granted);
        contact.setConsentSource(how);
        if (granted) {
            contact.setMarketingConsentAt(now);
            contact.setUnsubscribedAt(null);
        } else {
            contact.setUnsubscribedAt(now);
        }
        em.flush();
    }

    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<ConsentChange> consentHistory(UUID contactId) {
        Map<UUID, String> names = teamNames();
        List<?> rows = em.createNativeQuery("""
                        select granted, source, occurred_at, actor_user_id from contact_consents
                        where contact_id = ?1 order by occurred_at desc, id desc limit 100""")
                .setParameter(1, contactId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new ConsentChange(Boolean.TRUE.equals(r[0]),
                (String) r[1], SqlValues.instant(r[2]), names.get(SqlValues.uuid(r[3])))).toList();
    }

    // ------------------------------------------------------------------------------------------------ bulk

    /** Adds the tag to these contacts (those that have it keep it once); returns how many changed. */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public int bulkTag(Set<UUID> contactIds, String tag) {
        String clean = trim(tag);
        if (clean == null || !TAG.matcher(clean.toLowerCase(Locale.ROOT)).matches()) {
            throw new InputRefusedException("bulkTag", "A tag is up to 40 letters, digits, spaces, - or _.");
        }
        if (contactIds.isEmpty()) {
            return 0;
        }
        String json = Json.createArrayBuilder().add(clean.toLowerCase(Locale.ROOT)).build().toString();
        return em.createNativeQuery("""
                        update contacts set tags = tags || cast(?1 as jsonb), updated_at = now()
                        where id = any(cast(?2 as uuid[])) and not tags @> cast(?1 as jsonb)""")
                .setParameter(1, json).setParameter(2, uuidArray(contactIds)).executeUpdate();
    }

    /** Gives these contacts to a team member (or to nobody); returns how many changed. */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public int bulkOwner(Set<UUID> contactIds, UUID owner) {
        if (owner != null && team.members().stream().noneMatch(m -> m.userId().equals(owner))) {
            throw new InputRefusedException("bulkOwner", "Choose a member of your team.");
        }
        if (contactIds.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                        update contacts set owner_user_id = cast(?1 as uuid), updated_at = now()
                        where id = any(cast(?2 as uuid[])) and owner_user_id is distinct from cast(?1 as uuid)""")
                .setParameter(1, owner == null ? null : owner.toString()).setParameter(2, uuidArray(contactIds))
                .executeUpdate();
    }

    // -------------------------------------------------------------------------------------------- timeline

    /**
     * The contact's timeline, newest first, {@code limit} entries older than the entry {@code before} (or from the
     * newest when null): keyset paging on (occurred_at, id), which the timeline's index serves.
     */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<TimelineEntry> timeline(UUID contactId, UUID before, int limit) {
        Query query;
        String columns = """
                select a.id, a.kind, a.subject, a.body, a.occurred_at, a.actor_user_id, a.event_id, a.due_at,
                       a.assignee_user_id, a.done_at
                from activities a where a.contact_id = ?1""";
        String order = " order by a.occurred_at desc, a.id desc limit " + Math.max(1, Math.min(limit, 200));
        if (before == null) {
            query = em.createNativeQuery(columns + order).setParameter(1, contactId);
        } else {
            query = em.createNativeQuery(columns + " and (a.occurred_at, a.id) < (select b.occurred_at, b.id"
                            + " from activities b where b.id = ?2 and b.contact_id = ?1)" + order)
                    .setParameter(1, contactId).setParameter(2, before);
        }
        List<Object[]> rows = new ArrayList<>();
        query.getResultList().forEach(r -> rows.add((Object[]) r));
        Set<UUID> eventIds = new HashSet<>();
        rows.forEach(r -> {
            if (r[6] != null) {
                eventIds.add(SqlValues.uuid(r[6]));
            }
        });
        Map<UUID, String> eventNames = events.names(eventIds);
        Map<UUID, String> names = teamNames();
        return rows.stream().map(r -> new TimelineEntry(SqlValues.uuid(r[0]), (String) r[1], (String) r[2],
                (String) r[3], SqlValues.instant(r[4]), names.get(SqlValues.uuid(r[5])), SqlValues.uuid(r[6]),
                eventNames.get(SqlValues.uuid(r[6])), SqlValues.instant(r[7]), SqlValues.uuid(r[8]),
                names.get(SqlValues.uuid(r[8])), SqlValues.instant(r[9]))).toList();
    }

    /** A note, call, meeting or task on the contact's timeline, by the signed-in member. Any contact. */
    @RequiresPermission(Permission.CONTACTS_MANAGE)
    public UUID addEntry(UUID contactId, TimelineEntryForm form) {
        Contact contact = find(contactId);
        String kind = String.valueOf(form.kind()).toLowerCase(Locale.ROOT);
        if (!ENTRY_KINDS.contains(kind)) {
            throw new InputRefusedException("entryKind", "Choose note, call, meeting or task.");
        }
        List<InputProblem> problems = new ArrayList<>();
        String subject = trim(form.subject());
        String body = trim(form.body());
        if (subject == null) {
            problems.add(new InputProblem("entrySubject", "Enter a subject."));
        } else if (subject.length() > 200) {
            problems.add(new InputProblem("entrySubject", "At most 200 characters."));
        }
        if (body != null && body.length() > 10_000) {
            problems.add(new InputProblem("entryBody", "At most 10,000 characters."));
        }
        boolean task = kind.equals("task");
        if (task && form.assigneeUserId() != null
                && team.members().stream().noneMatch(m -> m.userId().equals(form.assigneeUserId()))) {
            problems.add(new InputProblem("entryAssignee", "Choose a member of your team."));
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        Instant now = clock.instant();
        Activity activity = new Activity(contact, ActivityKind.valueOf(kind.toUpperCase(Locale.ROOT)));
        activity.setSubject(subject);
        activity.setBody(body);
        activity.setOccurredAt(now);
        activity.setActorUserId(CurrentTenant.user().orElse(null));
        if (task) {
            activity.setDueAt(form.dueAt());
            activity.setAssigneeUserId(form.assigneeUserId() != null ? form.assigneeUserId()
                    : CurrentTenant.user().orElse(null));
        }
        em.persist(activity);
        if (contact.getLastActivityAt() == null || now.isAfter(contact.getLastActivityAt())) {
            contact.setLastActivityAt(now);
        }
        em.flush();
        return activity.getId();
    }

    /**
     * Marks a task done (or open again). The assignee, the contact's owner, or whoever may edit every contact.
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE)
    public void completeTask(UUID taskId, boolean done) {
        Activity task = em.find(Activity.class, taskId);
        if (task == null || task.getKind() != ActivityKind.TASK) {
            throw new AccessDeniedException("No such task.");
        }
        UUID me = CurrentTenant.user().orElse(null);
        if (me == null || !(me.equals(task.getAssigneeUserId()) || me.equals(task.getContact().getOwnerUserId()))) {
            authorizer.check(Permission.CONTACTS_MANAGE_ALL, null);
        }
        task.setDoneAt(done ? clock.instant() : null);
        em.flush();
    }

    /** The signed-in member's open tasks, soonest due first (then those without a due date). */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<TaskRow> myTasks(int limit) {
        UUID me = CurrentTenant.user().orElse(null);
        if (me == null) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("""
                        select a.id, a.contact_id, c.first_name, c.last_name, c.email, a.subject, a.due_at
                        from activities a join contacts c on c.account_id = a.account_id and c.id = a.contact_id
                        where a.assignee_user_id = ?1 and a.kind = 'task' and a.done_at is null
                        order by a.due_at nulls last, a.id limit\s""" + Math.max(1, Math.min(limit, 100)))
                .setParameter(1, me).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new TaskRow(SqlValues.uuid(r[0]), SqlValues.uuid(r[1]),
                ContactNames.display((String) r[2], (String) r[3], (String) r[4]), (String) r[5],
                SqlValues.instant(r[6]))).toList();
    }

    // ----------------------------------------------------------------------------------------------- choices

    /** The team members a contact or task can be given to. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<ContactTeam.TeamMate> teamMembers() {
        return team.members();
    }

    /** The account's events, for the list's "bought" and "attended" filters. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<ContactEvents.ContactEvent> eventChoices() {
        return events.choices();
    }

    /** The account's ticket types, for the list's "bought ticket type" filter and the currencies of "spent". */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<ContactTicketTypes.TicketTypeChoice> ticketTypeChoices() {
        return ticketTypes.choices();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private Contact find(UUID contactId) {
        Contact contact = contactId == null ? null : em.find(Contact.class, contactId);
        if (contact == null || contact.getErasedAt() != null || contact.getMergedIntoId() != null) {
            throw new AccessDeniedException("No such contact.");
        }
        return contact;
    }

    private void requireEditable(Contact contact) {
        UUID me = CurrentTenant.user().orElse(null);
        if (me == null || !me.equals(contact.getOwnerUserId())) {
            authorizer.check(Permission.CONTACTS_MANAGE_ALL, null);
        }
    }

    private boolean mayEdit(UUID owner) {
        UUID me = CurrentTenant.user().orElse(null);
        return may(Permission.CONTACTS_MANAGE) && (me != null && me.equals(owner)
                || may(Permission.CONTACTS_MANAGE_ALL));
    }

    private boolean may(Permission permission) {
        try {
            authorizer.check(permission, null);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private Map<UUID, String> teamNames() {
        return team.members().stream()
                .collect(Collectors.toMap(ContactTeam.TeamMate::userId, ContactTeam.TeamMate::name));
    }

    static List<String> tags(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            Set<String> tags = new LinkedHashSet<>();
            array.getValuesAs(JsonString.class).forEach(s -> tags.add(s.getString()));
            return List.copyOf(tags);
        }
    }

    private static String uuidArray(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
