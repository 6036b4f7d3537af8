package io.eventos.bench;

import io.eventos.testing.RawHttp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code bench/contacts.sh}: the CRM at scale (issue 15, "Speed"; docs/benchmarks.md). Starts PostgreSQL with
 * {@code fsync} on and the packaged WAR ({@link BenchServer}); generates, set-based, one account with
 * {@code bench.contacts} contacts (default 1,000,000) and five timeline entries per contact on average (orders paid,
 * check-ins, emails, notes; 5,000,000), 40 events and {@value #TEAM} team members; the contacts' and activities'
 * indexes are dropped for the load and built again after it (the migrations' own definitions, read back from the
 * catalog). Then {@code bench.clients} signed-in team members (default 4), one client thread each, each on its own
 * contact list view, make back to back the requests a user makes: the list's first page (a GET), its next pages,
 * sorted by name, the search as typed (1 to 6 letters of a name, or a name and the start of another), each filter
 * (as the "Filter" button posts it: the ajax request that reads the count and the page), and a contact's page with
 * its timeline. A warm-up, then a measured run, then one member alone. Per request kind: p50/p95/p99 on the server
 * (access log) and at the client. Results to the console and target/bench/contacts-results.md.
 */
public final class ContactsBenchmark {

    static final int TEAM = 8;
    static final int EVENTS = 40;
    static final int ALONE_SECONDS = Integer.getInteger("bench.alone", 20);

    static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ida", "Jonas",
            "Karin", "Lukas", "Marie", "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Samuel", "Tessa", "Ulrich", "Vera",
            "William", "Xenia", "Yusuf", "Zoe", "Martin", "Maria", "Mattis", "Lena", "Leon", "Mia", "Elias", "Sofia",
            "Finn", "Hannah", "Luca", "Lea", "Anton", "Amelie"};
    static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
            "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun",
            "Zimmermann", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Maier", "Herrmann",
            "Walter", "König", "Martin", "Garcia", "Rossi", "Dubois", "Novak", "Smith", "Jones", "Taylor", "Brown",
            "Wilson", "Lovelace", "Hopper", "Turing", "Curie", "Noether", "Meitner", "Franklin", "Goodall", "Carson",
            "Lamarr"};
    static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Leipzig",
            "Dresden", "Wien", "Zürich", "Paris", "Lyon", "Madrid", "Lisboa", "Amsterdam", "Utrecht", "Kraków", "Praha",
            "London", "Dublin"};

    private final int contacts = Integer.getInteger("bench.contacts", 1_000_000);
    private final int clients = Integer.getInteger("bench.clients", 4);
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
    private final Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
    /** The paced phase: every team member's session, each pausing about {@link #think} between requests. */
    private final Duration paced = Duration.ofSeconds(Integer.getInteger("bench.paced", 60));
    private final Duration think = Duration.ofMillis(Integer.getInteger("bench.thinkMillis", 2000));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private BenchServer bench;
    private URI base;
    private List<String> eventIds;
    private List<String> teamIds;
    private List<String> contactIds;

    public static void main(String[] args) throws Exception {
        new ContactsBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        long begun = System.nanoTime();
        try (BenchServer server = BenchServer.start(dir)) {
            bench = server;
            base = server.base();
            say(String.format(Locale.ROOT, "Started in %.0f s; generating %,d contacts and %,d activities ...",
                    seconds(begun), contacts, contacts * 5L));
            long started = System.nanoTime();
            load();
            say(String.format(Locale.ROOT, "  generated, indexed and analyzed in %.0f s", seconds(started)));
            measure(dir, begun);
            server.holdIfAsked();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // ------------------------------------------------------------------------------------------------ the data

    /** V36's backfill: one row per contact and event it bought for or attended, from the timeline. */
    static final String EVENT_FACTS = """
            insert into contact_event_facts (account_id, contact_id, event_id, bought_at, attended_at)
            select a.account_id, a.contact_id, a.event_id,
                   min(a.occurred_at) filter (where a.kind = 'order_paid'),
                   min(a.occurred_at) filter (where a.kind = 'ticket_checked_in')
            from activities a
            where a.event_id is not null and a.kind in ('order_paid', 'ticket_checked_in')
              and a.account_id = (select id from accounts where slug = 'crm-bench')
            group by a.account_id, a.contact_id, a.event_id""";
    /** V36's backfill: per contact, how many events it bought for and attended. */
    static final String EVENT_COUNTS = """
            insert into contact_event_counts (account_id, contact_id, events_bought, events_attended)
            select account_id, contact_id, count(bought_at), count(attended_at) from contact_event_facts
            where account_id = (select id from accounts where slug = 'crm-bench')
            group by account_id, contact_id""";

    /**
     * The account "crm-bench" with its events, team and contacts, inserted as the superuser (no row level security
     * to bind, triggers and key checks off: the rows are consistent by construction). Contact n: a first and last
     * name from the lists above, a unique address, a phone, one of 5,000 companies, a city; tags "newsletter" (every
     * 3rd), "vip" (every 10th), "speaker" (every 97th); consent every 3rd; an owner for 3 in 5; k = 1 + n % 9
     * timeline entries (5 on average), the newest at its last activity, one every 9 days before it: entry j is an
     * order paid for event (n + j) % 40 (j % 5 = 0), the check-in at that event (j % 5 = 1, so contacts with one
     * entry bought but did not come), an email sent, a note, an email opened. The event behaviour the CRM keeps with
     * the timeline (V36: facts per contact and event, counters per contact) is made from those entries as V36 does.
     */
    private void load() throws Exception {
        try (Connection db = bench.superuser(); Statement sql = db.createStatement()) {
            sql.execute("set maintenance_work_mem = '256MB'");
            sql.execute("set max_parallel_maintenance_workers = 2");
            sql.execute("""
                    insert into accounts (id, slug, name, contact_email, default_time_zone, status)
                    values (gen_random_uuid(), 'crm-bench', 'CRM Bench', 'crm@bench.eventos.test', 'Europe/Berlin',
                            'active')""");
            sql.execute("""
                    insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, status, visibility,
                                        currency, published_at)
                    select gen_random_uuid(), a.id, 'crm-event-' || e, 'CRM event ' || e,
                           now() - (e * 9) * interval '1 day', now() - (e * 9) * interval '1 day' + interval '8 hours',
                           'Europe/Berlin', 'completed', 'public', 'EUR', now() - interval '1 year'
                    from accounts a, generate_series(1, %d) e where a.slug = 'crm-bench'""".formatted(EVENTS));
            sql.execute("""
                    insert into users (id, email, name, password_hash, email_verified_at, last_account_id)
                    select gen_random_uuid(), 'crm' || n || '@bench.eventos.test', 'Team member ' || n,
                           (select password_hash from users where email = 'owner@demo.eventos.test'), now(), a.id
                    from generate_series(1, %d) n, accounts a where a.slug = 'crm-bench'""".formatted(TEAM));
            sql.execute("""
                    insert into account_users (id, account_id, user_id, role)
                    select gen_random_uuid(), u.last_account_id, u.id, case when u.email = 'crm1@bench.eventos.test'
                           then 'owner' else 'admin' end
                    from users u where u.email like 'crm%@bench.eventos.test'""");

            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.schemaname = 'public'
                      and i.tablename in ('contacts', 'activities', 'contact_event_facts', 'contact_event_counts')
                      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)""")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2));
                }
            }
            for (String index : indexes) {
                sql.execute("drop index " + index.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2"));
            }
            // nothing references the timeline's keys: they are added again after the load, each index built sorted
            // instead of 5,000,000 inserts at random places of two B-trees
            Map<String, String> keys = new LinkedHashMap<>();
            try (ResultSet rs = sql.executeQuery("""
                    select conname, pg_get_constraintdef(oid) from pg_constraint
                    where conrelid = 'activities'::regclass and contype in ('p', 'u')
                      and not exists (select 1 from pg_constraint f where f.contype = 'f'
                                      and f.confrelid = 'activities'::regclass)""")) {
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getString(2));
                }
            }
            for (String key : keys.keySet()) {
                sql.execute("alter table activities drop constraint " + key);
            }
            String first = Arrays.stream(FIRST).map(n -> "'" + n + "'").collect(Collectors.joining(","));
            String last = Arrays.stream(LAST).map(n -> "'" + n + "'").collect(Collectors.joining(","));
            String cities = Arrays.stream(CITIES).map(n -> "'" + n + "'").collect(Collectors.joining(","));
            sql.execute("set session_replication_role = replica");
            long started = System.nanoTime();
            sql.execute("""
                    create temporary table team as
                    select row_number() over (order by u.email) - 1 as k, u.id
                    from users u where u.email like 'crm%%@bench.eventos.test';
                    insert into contacts (id, account_id, email, first_name, last_name, phone, company, job_title,
                                          city, country, tags, marketing_consent, marketing_consent_at, consent_source,
                                          source, owner_user_id, last_activity_at, created_at, updated_at)
                    select gen_random_uuid(), a.id,
                           lower(f.first) || '.' || n || '@' || (array['example.org','example.com','mail.test',
                               'firma.test','uni.test'])[1 + n %% 5],
                           f.first, f.last, '+4930' || lpad(n::text, 8, '0'), 'Company ' || (n %% 5000),
                           (array['Engineer','Manager','Designer','Founder','Student', null])[1 + n %% 6],
                           (array[%s])[1 + n %% %d], 'DE',
                           (case when n %% 3 = 0 then '["newsletter"]' else '[]' end)::jsonb
                             || (case when n %% 10 = 0 then '["vip"]' else '[]' end)::jsonb
                             || (case when n %% 97 = 0 then '["speaker"]' else '[]' end)::jsonb,
                           n %% 3 = 0, case when n %% 3 = 0 then now() - interval '200 days' end,
                           case when n %% 3 = 0 then 'checkout' end, 'order',
                           case when n %% 5 < 3 then (select t.id from team t where t.k = n %% %d) end,
                           now() - (n %% 700) * interval '1 day' - (n %% 1440) * interval '1 minute',
                           now() - interval '3 years', now()
                    from accounts a, generate_series(1, %d) n,
                         lateral (select (array[%s])[1 + n %% %d] as first,
                                         (array[%s])[1 + (n / %d) %% %d] as last) f
                    where a.slug = 'crm-bench'""".formatted(cities, CITIES.length, TEAM, contacts, first,
                    FIRST.length, last, FIRST.length, LAST.length));
            say(String.format(Locale.ROOT, "  contacts in %.0f s", seconds(started)));
            started = System.nanoTime();
            sql.execute("""
                    create temporary table ev as
                    select row_number() over (order by slug) - 1 as k, id from events e
                    where e.account_id = (select id from accounts where slug = 'crm-bench');
                    create temporary table cn as
                    select c.id, c.account_id, c.last_activity_at, row_number() over (order by c.id) as n
                    from contacts c where c.account_id = (select id from accounts where slug = 'crm-bench');
                    insert into activities (id, account_id, contact_id, kind, subject, occurred_at, event_id,
                                            created_at, updated_at)
                    select gen_random_uuid(), cn.account_id, cn.id,
                           (array['order_paid','ticket_checked_in','email_sent','note','email_opened'])[1 + j %% 5],
                           (array['Order paid','Checked in','Newsletter sent','Called about the next event',
                                  'Newsletter opened'])[1 + j %% 5],
                           cn.last_activity_at - j * interval '9 days',
                           case when j %% 5 = 0 then ev.id when j %% 5 = 1 then evb.id end,
                           now(), now()
                    from cn cross join lateral generate_series(0, cn.n %% 9) j
                         left join ev on ev.k = (cn.n + j) %% %1$d
                         left join ev evb on evb.k = (cn.n + j - 1) %% %1$d""".formatted(EVENTS));
            say(String.format(Locale.ROOT, "  activities in %.0f s", seconds(started)));
            started = System.nanoTime();
            // the event behaviour the CRM keeps with the timeline (V36), from the entries above as V36 backfills it
            sql.execute(EVENT_FACTS);
            sql.execute(EVENT_COUNTS);
            say(String.format(Locale.ROOT, "  event facts and counters in %.0f s", seconds(started)));
            sql.execute("set session_replication_role = origin");
            started = System.nanoTime();
            for (var key : keys.entrySet()) {
                sql.execute("alter table activities add constraint " + key.getKey() + " " + key.getValue());
            }
            for (String index : indexes) {
                sql.execute(index);
            }
            say(String.format(Locale.ROOT, "  %d keys and %d indexes built in %.0f s", keys.size(), indexes.size(),
                    seconds(started)));
            started = System.nanoTime();
            sql.execute("vacuum (analyze) contacts");
            sql.execute("vacuum (analyze) activities");
            sql.execute("vacuum (analyze) contact_event_facts");
            sql.execute("vacuum (analyze) contact_event_counts");
            sql.execute("analyze");
            sql.execute("checkpoint");
            say(String.format(Locale.ROOT, "  vacuumed and analyzed in %.0f s", seconds(started)));
            eventIds = strings(sql, "select id::text from events where account_id = "
                    + "(select id from accounts where slug = 'crm-bench') order by slug");
            teamIds = strings(sql, "select u.id::text from users u where u.email like 'crm%@bench.eventos.test' "
                    + "order by u.email");
            contactIds = strings(sql, "select id::text from contacts tablesample system (1) limit 2000");
            if (contactIds.size() < 100) { // a small run: 1 % of a few pages may be none
                contactIds = strings(sql, "select id::text from contacts order by random() limit 2000");
            }
            try (ResultSet rs = sql.executeQuery("""
                    select (select count(*) from contacts), (select count(*) from activities),
                           pg_size_pretty(pg_total_relation_size('contacts')),
                           pg_size_pretty(pg_total_relation_size('activities')), current_setting('fsync'),
                           current_setting('synchronous_commit')""")) {
                rs.next();
                say(String.format(Locale.ROOT, "  %,d contacts (%s), %,d activities (%s); fsync %s, "
                                + "synchronous_commit %s", rs.getLong(1), rs.getString(3), rs.getLong(2),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
    }

    private static List<String> strings(Statement sql, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- the requests

    /** A kind of request: its name in the results and the tag that marks it in the access log. */
    private record Kind(String name, String tag) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("list, first page (the page itself, GET)", "get"),
            new Kind("list, next pages (2–40, by last activity)", "page"),
            new Kind("list sorted by name", "byname"),
            new Kind("list sorted by last activity again", "bylast"),
            new Kind("search, 1–2 letters typed", "search1"),
            new Kind("search, 3–6 letters typed", "search3"),
            new Kind("search, a name and the start of another", "search2w"),
            new Kind("filter: tag vip (1 in 10)", "tag"),
            new Kind("filter: tag speaker (1 in 97)", "tagrare"),
            new Kind("filter: bought for an event", "bought"),
            new Kind("filter: attended an event", "attended"),
            new Kind("filter: consent yes", "consent"),
            new Kind("filter: owner", "owner"),
            new Kind("filter: bought, did not attend", "notattended"),
            new Kind("filter: attended at least 2 events", "atleast"),
            new Kind("filter: first-time buyers", "first"),
            new Kind("filter: repeat buyers", "repeat"),
            new Kind("filter: search + tag + consent", "combined"),
            new Kind("contact page with its timeline (GET)", "contact"));

    /** One signed-in member with the contact list open (its view state). */
    private final class Client {
        final String cookie;
        String viewState;
        Map<String, String> fields;

        Client(String cookie) {
            this.cookie = cookie;
        }

        /** GETs the list page; keeps its view state and form fields. */
        HttpResponse<String> open(String tag) throws IOException, InterruptedException {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/app/contacts.xhtml?b=" + tag))
                    .header("Cookie", cookie).header("User-Agent", PublicPagesBenchmark.BROWSER_AGENT)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200) {
                fields = RawHttp.formFields(page.body(), "contacts-form");
                viewState = fields.get("jakarta.faces.ViewState");
            }
            return page;
        }

        HttpResponse<String> request(Kind kind) throws IOException, InterruptedException {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (kind.tag().equals("get") || viewState == null) {
                return open(kind.tag());
            }
            if (kind.tag().equals("contact")) {
                return http.send(HttpRequest.newBuilder(base.resolve("/app/contact.xhtml?b=contact&id="
                                + contactIds.get(random.nextInt(contactIds.size()))))
                        .header("Cookie", cookie).header("User-Agent", PublicPagesBenchmark.BROWSER_AGENT)
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            }
            Map<String, String> filters = new LinkedHashMap<>();
            String name = FIRST[random.nextInt(FIRST.length)];
            String other = LAST[random.nextInt(LAST.length)];
            switch (kind.tag()) {
                case "search1" -> filters.put("text", name.substring(0, 1 + random.nextInt(2)));
                case "search3" -> filters.put("text", other.substring(0, Math.min(other.length(), 3 + random.nextInt(4))));
                case "search2w" -> filters.put("text", name + " " + other.substring(0, 2));
                case "tag" -> filters.put("tag", "vip");
                case "tagrare" -> filters.put("tag", "speaker");
                case "bought" -> filters.put("bought", pick(eventIds));
                case "attended" -> filters.put("attended", pick(eventIds));
                case "consent" -> filters.put("consent", "yes");
                case "owner" -> filters.put("owner", pick(teamIds));
                case "notattended" -> filters.put("notAttended", pick(eventIds));
                case "atleast" -> filters.put("attendedAtLeast", "2");
                case "first" -> filters.put("buyer", "first");
                case "repeat" -> filters.put("buyer", "repeat");
                case "combined" -> {
                    filters.put("text", other.substring(0, 3));
                    filters.put("tag", "newsletter");
                    filters.put("consent", "yes");
                }
                default -> { }
            }
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("jakarta.faces.ViewState", viewState);
            form.put("jakarta.faces.partial.ajax", "true");
            form.put("contacts-form:text", filters.getOrDefault("text", ""));
            form.put("contacts-form:tag", filters.getOrDefault("tag", ""));
            for (String menu : List.of("bought", "attended", "consent", "owner", "notAttended", "buyer")) {
                form.put("contacts-form:" + menu + "_input", filters.getOrDefault(menu, ""));
            }
            form.put("contacts-form:attendedAtLeast_input", filters.getOrDefault("attendedAtLeast", ""));
            form.put("contacts-form:attendedAtLeast_hinput", filters.getOrDefault("attendedAtLeast", ""));
            if (kind.tag().equals("page") || kind.tag().startsWith("by")) {
                // the table's own request: a page (or a sort) of the list without filters, as they stand
                form.put("jakarta.faces.source", "contacts-form:contacts");
                form.put("jakarta.faces.partial.execute", "contacts-form:contacts");
                form.put("jakarta.faces.partial.render", "contacts-form:contacts");
                form.put("contacts-form:contacts_encodeFeature", "true");
                form.put("contacts-form:contacts_rows", "25");
                if (kind.tag().equals("page")) {
                    form.put("jakarta.faces.behavior.event", "page");
                    form.put("jakarta.faces.partial.event", "page");
                    form.put("contacts-form:contacts_pagination", "true");
                    form.put("contacts-form:contacts_first", String.valueOf(25 * (1 + random.nextInt(39))));
                } else {
                    form.put("jakarta.faces.behavior.event", "sort");
                    form.put("jakarta.faces.partial.event", "sort");
                    form.put("contacts-form:contacts_sorting", "true");
                    form.put("contacts-form:contacts_skipChildren", "true");
                    // by name (either way), then back to the newest activity first, so the filters that follow
                    // run on the list's usual order
                    boolean byName = kind.tag().equals("byname");
                    form.put("contacts-form:contacts_sortKey", "contacts-form:contacts:" + (byName ? "name"
                            : "lastActivity"));
                    form.put("contacts-form:contacts_sortDir", byName && random.nextBoolean() ? "1" : "-1");
                    form.put("contacts-form:contacts_first", "0");
                }
            } else {
                form.put("jakarta.faces.source", "contacts-form:filter");
                form.put("jakarta.faces.partial.execute", "contacts-form");
                form.put("jakarta.faces.partial.render",
                        "contacts-form:contacts contacts-form:match-count contacts-form:export");
                form.put("contacts-form:filter", "contacts-form:filter");
            }
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            base.resolve("/app/contacts.xhtml?b=" + kind.tag()))
                    .header("Cookie", cookie).header("Faces-Request", "partial/ajax")
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("User-Agent", PublicPagesBenchmark.BROWSER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.body().contains("<error>") || response.body().contains("<redirect")) {
                viewState = null; // a lost view: open the page again next time
                throw new IOException(kind.tag() + ": " + response.body().substring(0,
                        Math.min(300, response.body().length())));
            }
            return response;
        }

        private String pick(List<String> from) {
            return from.get(ThreadLocalRandom.current().nextInt(from.size()));
        }
    }

    private static final Pattern MATCH_COUNT = Pattern.compile("<span id=\"contacts-form:match-count\">([^<]*)<");
    private static final Pattern FIRST_ROW = Pattern.compile("class=\"contact-link\">([^<]*)<");

    private void measure(Path dir, long begun) throws Exception {
        List<Client> team = new ArrayList<>();
        for (int n = 1; n <= clients; n++) {
            team.add(new Client(bench.signIn("crm" + (1 + (n - 1) % TEAM) + "@bench.eventos.test")));
        }
        // each request kind once, with what the list says it found: a filter that did not apply shows here
        Client check = team.get(0);
        for (Kind kind : KINDS) {
            HttpResponse<String> answer = check.request(kind);
            Matcher count = MATCH_COUNT.matcher(answer.body());
            Matcher row = FIRST_ROW.matcher(answer.body());
            say(String.format(Locale.ROOT, "  %-45s %d %s; first row: %s", kind.name(), answer.statusCode(),
                    count.find() ? count.group(1) : "", row.find() ? row.group(1) : "none"));
            if (System.getProperty("bench.debug") != null) {
                say(answer.body().substring(0, Math.min(2000, answer.body().length())));
            }
        }
        say("Signed in " + clients + " team members; warm-up " + warmup.toSeconds() + " s ...");
        load(team, warmup);
        int logLines = bench.accessLines().size();
        say("Measuring " + measured.toSeconds() + " s ...");
        long[][] client = load(team, measured);
        List<String> lines = bench.accessLines();
        List<String> window = lines.subList(Math.min(logLines, lines.size()), lines.size());
        // paced: the whole team (TEAM members, one session each) as people use the list, each pausing 1-3 s to read
        List<Client> people = new ArrayList<>(team);
        for (int n = team.size() + 1; n <= TEAM; n++) {
            people.add(new Client(bench.signIn("crm" + n + "@bench.eventos.test")));
        }
        say("Paced: " + people.size() + " members, " + paced.toSeconds() + " s ...");
        int pacedFrom = bench.accessLines().size();
        BenchServer.drive(people, KINDS.size(), paced, think, (member, k) -> member.request(KINDS.get(k))
                .statusCode());
        List<String> afterPaced = bench.accessLines();
        List<String> pacedWindow = afterPaced.subList(Math.min(pacedFrom, afterPaced.size()), afterPaced.size());
        say("One member alone, " + ALONE_SECONDS + " s ...");
        int aloneFrom = bench.accessLines().size();
        load(team.subList(0, 1), Duration.ofSeconds(ALONE_SECONDS));
        List<String> after = bench.accessLines();
        List<String> alone = after.subList(Math.min(aloneFrom, after.size()), after.size());

        List<String> out = new ArrayList<>();
        out.add("Run " + Instant.now() + ": " + String.format(Locale.ROOT, "%,d contacts, %,d activities in one "
                        + "account; ", contacts, contacts * 5L) + clients + " team members (one client thread each, "
                + "back to back), warm-up " + warmup.toSeconds() + " s, measured " + measured.toSeconds()
                + " s; then paced: " + Math.max(clients, TEAM) + " members pausing " + think.toMillis() / 2 + "-"
                + think.toMillis() * 3 / 2 + " ms between requests for " + paced.toSeconds()
                + " s; PostgreSQL with fsync and synchronous_commit on; " + Runtime.getRuntime().availableProcessors()
                + " cores; load average after the run: " + BenchServer.loadAverage()
                + String.format(Locale.ROOT, "; whole run %.0f s", seconds(begun)));
        out.add("");
        out.add("| request | requests | " + clients + " members, on the server: p50 / p95 / p99 (ms) | "
                + "at the client: p50 / p95 / p99 (ms) | " + people.size() + " members paced, on the server: "
                + "requests, p50 / p95 / p99 (ms) | one member alone, on the server: p50 / p95 (ms) |");
        out.add("|---|---:|---:|---:|---:|---:|");
        for (int k = 0; k < KINDS.size(); k++) {
            long[] atClient = Arrays.stream(client[k]).sorted().toArray();
            long[] pacedServer = serverTimes(pacedWindow, KINDS.get(k));
            out.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d: %s | %s |", KINDS.get(k).name(),
                    atClient.length,
                    BenchServer.percentiles(serverTimes(window, KINDS.get(k)), 1e3),
                    BenchServer.percentiles(atClient, 1e6), pacedServer.length,
                    BenchServer.percentiles(pacedServer, 1e3),
                    BenchServer.percentiles(serverTimes(alone, KINDS.get(k)), 1e3).replaceFirst(" / [^/]+$", "")));
        }
        Files.write(dir.resolve("contacts-results.md"), out);
        say("");
        out.forEach(ContactsBenchmark::say);
        say("Written to " + dir.resolve("contacts-results.md"));
    }

    private static long[] serverTimes(List<String> lines, Kind kind) {
        String prefix = kind.tag().equals("contact") ? "GET /app/contact.xhtml?b=contact&"
                : (kind.tag().equals("get") ? "GET" : "POST") + " /app/contacts.xhtml?b=" + kind.tag() + " ";
        return BenchServer.serverTimes(lines, prefix);
    }

    /** Latencies in ns per request kind of {@code duration} of every client making requests in turn. */
    private long[][] load(List<Client> team, Duration duration) throws InterruptedException {
        return BenchServer.drive(team, KINDS.size(), duration, (member, k) -> member.request(KINDS.get(k))
                .statusCode());
    }

    private static void say(String line) {
        BenchServer.say(line);
    }
}
