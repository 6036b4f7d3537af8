package io.eventos.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 2: every table has one owning context; no context writes another context's tables (insert,
 * update, delete, row locks): it asks the owner's service instead (e.g. ticketing keeps the cancellation policy
 * through the event context's {@code EventSettings}); and no context reads another context's tables (from, join)
 * except the reads listed in {@link #READS}, each with its kind and reason. Read from the source text: the SQL
 * written in each context's Java files (its string literals and text blocks, not its comments), against the tables
 * created in {@code db/migration}. A row lock without {@code of} ({@code select ... from contacts ... for update})
 * counts as a read. Both lists of exceptions may only shrink: a listed read or write that is gone fails the test
 * too (docs/architecture.md, "One SQL home per context").
 */
class TableOwnershipTest {

    /** Owner of every table; a table created by a migration and missing here fails the test. */
    static final Map<String, String> OWNER = Map.ofEntries(
            owned("account", "accounts", "account_users", "users", "email_verifications", "invitations",
                    "password_resets", "sign_in_addresses", "audit_log", "weekly_summaries"),
            owned("event", "events", "event_series", "venues", "venue_rooms", "sessions", "speakers",
                    "session_speakers", "public_content_versions", "public_page_renderings"),
            owned("ticketing", "tickets", "capacity_groups", "promo_codes", "holds", "hold_lines", "orders",
                    "order_lines", "attendees", "payments", "ticket_takes"),
            owned("checkin", "check_ins", "checkin_devices", "checkin_lists", "checkin_rollup", "checkin_scans"),
            owned("crm", "contacts", "activities", "contact_consents", "contact_duplicate_dismissals",
                    "contact_event_counts", "contact_event_facts", "contact_fields", "contact_imports",
                    "contact_merges", "contact_retention_sweeps", "contact_views", "segments"),
            owned("analytics", "analytics", "sales_daily", "rollup_state"),
            owned("platform", "outbox", "notifications"),
            owned("media", "media"),
            owned("marketing", "campaigns", "campaign_deliveries"),
            owned("integration", "integrations"))
            .entrySet().stream().flatMap(e -> e.getValue().stream().map(t -> Map.entry(t, e.getKey())))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    /** Writes across contexts that are still there, each with its reason ("context -> table"). None left. */
    static final Set<String> KNOWN = Set.of();

    /**
     * SQL functions a context publishes for the others to read beside their own rows in one statement (function ->
     * owner): the owner decides what they show, in its own migration (V41).
     */
    static final Map<String, String> PUBLISHED = Map.of("account_published_facts", "account");

    /** Why a read of another context's table is still allowed. */
    enum Kind {
        /** A documented read model: the reader's purpose is to read the others' rows (reports, rollups, the door). */
        READ_MODEL,
        /** A named cross-context contract: a lock the owner and the reader agree on (docs/architecture.md). */
        CONTRACT,
        /** Not moved yet: should go through the owner's service (or a view the owner publishes). */
        TO_DO
    }

    record Allowed(Kind kind, String reason) {
    }

    /**
     * Reads of another context's tables that are still there, per class ("context.Class -> table"), with their kind
     * and reason. A new read fails the test (ask the owner's service: e.g. {@code event.service.EventFacts} answers
     * what ticketing needs of an event); a listed read that is gone fails it too (take it off the list).
     */
    static final Map<String, Allowed> READS = reads(
            // analytics: the read model of sales, check-ins and events (docs/architecture.md, "Dashboards and
            // rollups"); its reports and dashboards join what they count with the event's and ticket type's names
            read("analytics.Dashboards", Kind.READ_MODEL, "the dashboards: rollups joined with events, ticket types, "
                    + "orders and promo codes, and the account's time zone", "accounts", "checkin_rollup", "events",
                    "orders", "promo_codes", "tickets"),
            read("analytics.Reports", Kind.READ_MODEL, "the reports (sales, check-ins, attendees): one statement per "
                    + "report over the sales and check-in rows", "accounts", "attendees", "check_ins",
                    "checkin_rollup", "events", "order_lines", "orders", "tickets"),
            read("analytics.RollupWriter", Kind.READ_MODEL, "the rollup job: each account's time zone for the day "
                    + "boundaries", "accounts"),
            read("analytics.WeeklyFigures", Kind.READ_MODEL, "the weekly summary's figures: the account's time zone "
                    + "and the check-in rollup", "accounts", "checkin_rollup"),
            // check-in: the door decides in one statement per scan (scans/s, docs/benchmarks.md) over the ticket it
            // admits, its order's status, its ticket type and the event's times; its lists name the scanning user
            read("checkin.CheckInQueries", Kind.READ_MODEL, "the door's reads: the ticket (attendee), its order and "
                    + "ticket type in the scan's one statement, the event with its check-in list, who scanned",
                    "attendees", "events", "orders", "tickets", "users"),
            read("checkin.DoorService", Kind.CONTRACT, "the door takes the ticket's row (attendees) before an "
                    + "admission is undone, as a scan does; and reads the order of a ticket paid at the door",
                    "attendees"),
            // ticketing
            read("ticketing.SalesLock", Kind.CONTRACT, "the sales lock: the event's row, the one named cross-context "
                    + "lock (docs/architecture.md, \"Locking\")", "events"),
            read("ticketing.TicketTypesForContacts", Kind.READ_MODEL, "ticketing's answer to the CRM: ticket types "
                    + "with their event's name, newest event first, in one statement", "events"),
            read("ticketing.PurchasesForContacts", Kind.READ_MODEL, "ticketing's answer to the CRM: a person's "
                    + "orders and tickets with their event's name in one statement each", "events"));

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from|for\\s+(?:no\\s+key\\s+)?update\\s+of|lock\\s+table)\\s+"
                    + "([a-z_]+)\\b");
    /** A read in SQL (from, join a table; {@code delete from} is a write) or JPQL (from, join an entity). */
    private static final Pattern READ = Pattern.compile(
            "\\b(delete\\s+)?(?i:from|join)\\s+(?:([a-z_][a-z0-9_]*)|([A-Z][A-Za-z0-9]*))\\b");
    /** A string that reads as SQL or JPQL: it has a statement's keyword, or is a statement's continuation. */
    private static final Pattern SQL = Pattern.compile("\\b(?:select|insert|update|delete|where)\\b");
    private static final Pattern SQL_PART = Pattern.compile("\\s*(?:from|join|left join|,)");
    private static final Pattern CREATE = Pattern.compile("(?m)^create table (?:if not exists )?([a-z_]+)");

    private static Map.Entry<String, Set<String>> owned(String context, String... tables) {
        return Map.entry(context, Set.of(tables));
    }

    private static Stream<Map.Entry<String, Allowed>> read(String reader, Kind kind, String reason,
                                                           String... tables) {
        return Stream.of(tables).map(t -> Map.entry(reader + " -> " + t, new Allowed(kind, reason)));
    }

    @SafeVarargs
    private static Map<String, Allowed> reads(Stream<Map.Entry<String, Allowed>>... entries) {
        return Stream.of(entries).flatMap(e -> e)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1));
                }
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNER.keySet()).as("say which context owns each table").containsAll(tables);
    }

    @Test
    void everyPublishedFunctionIsCreatedByAMigrationAndReadsOnlyItsOwnersTables() throws IOException {
        Map<String, String> bodies = new java.util.HashMap<>();
        Pattern function = Pattern.compile("(?s)create (?:or replace )?function ([a-z_]+)\\(.*?\\$\\$(.*?)\\$\\$");
        try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = function.matcher(Files.readString(file));
                while (m.find()) {
                    bodies.put(m.group(1), m.group(2));
                }
            }
        }
        PUBLISHED.forEach((name, owner) -> {
            assertThat(bodies).as("a migration creates " + name).containsKey(name);
            Set<String> owners = new TreeSet<>();
            Matcher read = READ.matcher(bodies.get(name));
            while (read.find()) {
                if (read.group(2) != null && OWNER.containsKey(read.group(2))) {
                    owners.add(OWNER.get(read.group(2)));
                }
            }
            assertThat(owners).as(name + " reads the tables of").containsOnly(owner);
        });
    }

    @Test
    void noContextWritesAnotherContextsTables() throws IOException {
        Set<String> found = new TreeSet<>();
        List<String> where = new ArrayList<>();
        for (ContextSource source : contextSources()) {
            for (String literal : literals(source.text())) {
                Matcher m = WRITE.matcher(literal);
                while (m.find()) {
                    String owner = OWNER.get(m.group(1));
                    if (owner != null && !owner.equals(source.context())) {
                        String write = source.context() + " -> " + m.group(1);
                        found.add(write);
                        if (!KNOWN.contains(write)) {
                            where.add(write + " in " + source.file());
                        }
                    }
                }
            }
        }
        assertThat(where).as("writes of another context's tables: ask its service").isEmpty();
        assertThat(KNOWN).as("known exceptions that are gone: take them off the list").isSubsetOf(found);
    }

    /** A Java source of a context under src/main (the demo loader left out: it writes every context's rows by design). */
    private record ContextSource(String context, Path file, String text) {
    }

    private static List<ContextSource> contextSources() throws IOException {
        List<ContextSource> sources = new ArrayList<>();
        Path root = Path.of("src/main/java/io/eventos");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String context = root.relativize(file).getName(0).toString();
                if (!context.equals("demo")) {
                    sources.add(new ContextSource(context, file, Files.readString(file)));
                }
            }
        }
        return sources;
    }

    @Test
    void noContextReadsAnotherContextsTablesExceptTheListedReads() throws IOException {
        Map<String, String> entityTables = entityTables();
        Set<String> found = new TreeSet<>();
        List<String> where = new ArrayList<>();
        for (ContextSource source : contextSources()) {
            String reader = source.context() + "." + source.file().getFileName().toString().replace(".java", "");
            for (String read : reads(source.text(), entityTables)) {
                String owner = OWNER.get(read);
                if (owner != null && !owner.equals(source.context())) {
                    String key = reader + " -> " + read;
                    found.add(key);
                    if (!READS.containsKey(key)) {
                        where.add(key + " (" + source.file() + ")");
                    }
                }
            }
        }
        assertThat(where).as("reads of another context's tables: ask the owner's service, or list the read "
                + "with its reason in READS").isEmpty();
        assertThat(READS.keySet()).as("listed reads that are gone: take them off the list").isSubsetOf(found);
    }

    @Test
    void onlySqlIsReadNotProseOrComments() {
        String source = """
                /** Copies the tickets from venues of last year; join speakers with care. */
                class X {
                    // select * from sessions
                    String help = "Move the tickets from rooms you no longer use.";
                    String sql = \"""
                            select o.code from orders o
                            join tickets t on t.id = o.ticket_id\""";
                    String jpql = "select e from Event e left join fetch e.venue";
                    String delete = "delete from attendees where id = ?1";
                    char quote = '"';
                    String tail = "select 1 from holds";
                    String part = " from payments p";
                    String sentence = "Tickets were sold from capacity_groups in the past year.";
                }
                """;
        assertThat(reads(source, Map.of("Event", "events")))
                .containsExactlyInAnyOrder("orders", "tickets", "events", "holds", "payments");
        assertThat(reads("String help = \"Move the tickets from events you no longer sell.\";", Map.of()))
                .as("prose").isEmpty();
    }

    /** The known tables (or their entities) that the string literals and text blocks of {@code source} read. */
    static Set<String> reads(String source, Map<String, String> entityTables) {
        Set<String> tables = new TreeSet<>();
        for (String literal : literals(source)) {
            if (!SQL.matcher(literal).find() && !SQL_PART.matcher(literal).lookingAt()) {
                continue; // an English sentence may say "from events" too: only literals that read as SQL count
            }
            Matcher m = READ.matcher(literal);
            while (m.find()) {
                if (m.group(1) != null) {
                    continue; // delete from: a write (see noContextWritesAnotherContextsTables)
                }
                if (m.group(2) != null) {
                    if (OWNER.containsKey(m.group(2))) {
                        tables.add(m.group(2));
                    }
                } else if (entityTables.containsKey(m.group(3))) {
                    tables.add(entityTables.get(m.group(3)));
                }
            }
        }
        return tables;
    }

    /** The contents of the string literals and text blocks of Java source, without comments or char literals. */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int end = i + 1;
                while (source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    literals.add(source.substring(i + 1, end));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Entity name → table, from the {@code @Table} of each {@code @Entity} class (JPQL names the entity). */
    private static Map<String, String> entityTables() throws IOException {
        Map<String, String> tables = new java.util.HashMap<>();
        Pattern table = Pattern.compile("@Table\\(\\s*name\\s*=\\s*\"([a-z_]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/eventos"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = table.matcher(source);
                if (source.contains("@Entity") && m.find()) {
                    tables.put(file.getFileName().toString().replace(".java", ""), m.group(1));
                }
            }
        }
        assertThat(tables).as("entities found").containsKey("Event");
        return tables;
    }
}
