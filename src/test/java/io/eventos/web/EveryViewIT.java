package io.eventos.web;

import io.eventos.testing.RawHttp;
import io.eventos.testing.TestDatabase;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every view opens for every role (issue 12, item 4): signed in as each demo role — owner, admin, manager, member,
 * viewer, the member limited to the summit (door staff) — and as nobody, the test walks every page it can reach by
 * GET from the navigation, every list's detail links with the demo's real ids, each CSV export, the public pages,
 * the buyer's order page (its secret link asked for by email, as a buyer would), and a list of addresses no link
 * shows (links from emails, unknown ids and tokens). Then every visitor also asks for every address any other visitor
 * found, so pages a role is not shown are tried too. Nothing may answer an error: a 5xx, the error page, the
 * "expired" page or a stack trace. What a visitor may not see answers 404 or the sign-in page; a link that a page
 * shows its visitor must not lead that visitor to a 404. Finally every view under src/main/webapp must have been
 * opened by someone, so a new page cannot hide from this test.
 *
 * <p>GET only (plus the sign-ins and one "send me my order links"): it changes nothing other tests rely on. Views
 * that only a POST or a one-time token opens with data (checkout needs a hold, the kiosk link a device, the outbox
 * an SMTP-less server) are opened with an unknown token and must answer "not found" or their refusal page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryViewIT {

    /** A person opening pages: a demo login (with the role the header must show), or nobody. */
    record Visitor(String name, String email, String password, String role) {
        boolean signedIn() {
            return email != null;
        }
    }

    static final List<Visitor> VISITORS = List.of(
            new Visitor("owner", "owner@demo.eventos.test", "demo-owner-2026", "owner"),
            new Visitor("admin", "admin@demo.eventos.test", "demo-admin-2026", "admin"),
            new Visitor("manager", "manager@demo.eventos.test", "demo-manager-2026", "manager"),
            new Visitor("member", "member@demo.eventos.test", "demo-member-2026", "member"),
            new Visitor("viewer", "viewer@demo.eventos.test", "demo-viewer-2026", "viewer"),
            new Visitor("doors (member, summit only)", "doors@demo.eventos.test", "demo-doors-2026", "member"),
            new Visitor("nobody", null, null, null));

    /** A visitor follows links to one page with this many different ids at most (the demo has six events). */
    static final int PER_PATTERN = 6;

    /** Well-formed, unknown: the token of no hold, order, invitation, reset, verification or kiosk link. */
    static final String UNKNOWN_TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    /** Views that answer only a refusal to a GET without a POST or a token made for the test: not found is right. */
    static final Map<String, String> OPENED_BY_THEIR_REFUSAL = Map.of(
            "/shop/checkout.xhtml", "a hold is made by choosing tickets (a POST); CheckoutIT walks it",
            "/dev/mail.xhtml", "the outbox exists only on a server without SMTP (DevMailIT)");

    private static final Pattern LINK = Pattern.compile("\\b(href|src)=\"([^\"]*)\"");
    private static final Pattern OFFLINE_LIST = Pattern.compile(
            "data-event=\"([0-9a-f-]{36})\" data-list=\"([0-9a-f-]{36})\"\\s+data-offline-url=\"([^\"]+)\"");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TOKEN_TEXT = Pattern.compile("[A-Za-z0-9_-]{20,}");
    /** Stack traces and exception names, wherever a page shows them (an error page only ever shows an error id). */
    private static final List<Pattern> STACK_TRACE = List.of(
            Pattern.compile("\\bat (?:[a-z]\\w*\\.)+[A-Z][\\w$]*\\.[\\w$<>]+\\("),
            Pattern.compile("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error)\\b"),
            Pattern.compile("\\b[A-Z]\\w*Exception\\b"),
            Pattern.compile("\\bERROR: "));
    private static final Pattern ERROR_ID = Pattern.compile("<code id=\"error-id\">([^<]*)</code>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b.*?</script>");
    /** Addresses whose GET would change something or sign out: never followed. */
    private static final Pattern NEVER_FOLLOW = Pattern.compile(
            "(?i)logout|log-out|sign-?out|unsubscribe|[?&](token|key)=|/verify-email|/checkin/device");

    private URI base;
    private final Map<String, VisitorReport> reports = new LinkedHashMap<>();
    private String summitId;
    private long tookMillis;

    @BeforeAll
    void crawl() throws Exception {
        base = TestServer.baseUri();
        long started = System.nanoTime();
        summitId = oneValue("select e.id::text from events e join accounts a on a.id = e.account_id "
                + "where a.slug = 'demo' and e.slug = 'product-summit'");
        List<String> known = knownAddresses(orderLinksByEmail());
        VISITORS.forEach(visitor -> reports.put(visitor.name(), new VisitorReport(visitor, new RawHttp(base))));
        // visitors walk side by side, each in a session of their own, as a team does: that is also what showed
        // signed-in organizers getting "not found" at random (web.xml, the "**" role)
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            inParallel(pool, report -> {
                if (report.visitor.signedIn()) {
                    report.signIn();
                }
                known.forEach(address -> report.enqueue(address, Source.KNOWN, null));
                report.walk();
            });
            // then everyone tries what anyone was shown: pages a role is not shown must answer 404 or sign-in
            Set<String> shown = new LinkedHashSet<>();
            reports.values().forEach(r -> shown.addAll(r.opened));
            inParallel(pool, report -> {
                shown.forEach(address -> report.enqueue(address, Source.SHOWN_TO_OTHERS, null));
                report.walk();
            });
        } finally {
            pool.shutdownNow();
        }
        tookMillis = (System.nanoTime() - started) / 1_000_000;
        reports.values().forEach(r -> System.out.printf("EveryViewIT: %-28s %3d addresses, %2d views%n",
                r.visitor.name(), r.requested.size(), r.views.size()));
        System.out.printf("EveryViewIT: %d requests in %.1f s%n",
                reports.values().stream().mapToInt(r -> r.requests).sum(), tookMillis / 1000.0);
    }

    private void inParallel(ExecutorService pool, Consumer<VisitorReport> work) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        reports.values().forEach(report -> running.add(pool.submit(() -> work.accept(report))));
        for (Future<?> future : running) {
            try {
                future.get(5, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    @Test
    void noPageAnswersAnErrorForAnyVisitor() {
        List<String> problems = reports.values().stream().flatMap(r -> r.problems.stream()).toList();
        if (!problems.isEmpty()) {
            fail(problems.size() + " pages failed:\n" + String.join("\n", problems));
        }
    }

    @Test
    void everyVisitorOpenedPagesOfTheirOwn() {
        // a crawl that opened nothing would pass the other tests: each visitor must have seen their own pages
        for (VisitorReport report : reports.values()) {
            Set<String> views = report.views;
            if (report.visitor.signedIn()) {
                assertTrue(views.contains("/app/index.xhtml") || views.contains("/checkin/index.xhtml"),
                        report.visitor.name() + " opened " + views);
                assertTrue(views.contains("/app/events.xhtml"), report.visitor.name() + " opened " + views);
            }
            assertTrue(views.contains("/public/event.xhtml"), report.visitor.name() + " opened " + views);
        }
        assertTrue(reports.get("owner").views.contains("/app/attendees.xhtml"));
        assertTrue(reports.get("owner").opened.stream().anyMatch(u -> u.startsWith("/app/export/attendees.csv")));
        assertTrue(reports.get("owner").views.contains("/app/event-dashboard.xhtml"));
        assertTrue(reports.get("owner").opened.stream().anyMatch(u -> u.startsWith("/app/reports/attendees.xlsx")));
    }

    @Test
    void everyViewUnderTheWebappIsOpenedBySomeone() throws IOException {
        Set<String> opened = new TreeSet<>();
        reports.values().forEach(r -> opened.addAll(r.views));
        Path webapp = Path.of("src/main/webapp");
        Set<String> missing;
        try (Stream<Path> files = Files.walk(webapp)) {
            missing = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + webapp.relativize(f).toString().replace('\\', '/'))
                    .filter(view -> !view.startsWith("/WEB-INF/")) // templates, includes, error pages
                    .filter(view -> !opened.contains(view))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(missing.isEmpty(), "Views no visitor opened (link them, or add their address to"
                + " knownAddresses): " + missing + "\nopened: " + opened);
    }

    /**
     * What a role may not see is "not found" for it (docs/permissions.md), not merely no error: exports need
     * DATA_EXPORT, the audit log AUDIT_VIEW, and the door staff see the summit only (not the team or the settings).
     */
    @Test
    void forbiddenPagesAnswerNotFound() {
        Map<String, Set<String>> allowed = Map.of(
                "/app/export/", Set.of("owner", "admin", "manager"),
                "/app/reports/", Set.of("owner", "admin", "manager"),
                "/app/audit.xhtml", Set.of("owner", "admin"),
                "/app/contact-merge.xhtml", Set.of("owner", "admin", "manager"),
                "/app/contacts.xhtml", Set.of("owner", "admin", "manager", "member", "viewer"));
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (VisitorReport report : reports.values()) {
            if (!report.visitor.signedIn()) {
                continue; // nobody: judge() already fails any organizer page that opens without signing in
            }
            for (Map.Entry<String, Integer> answer : report.answered.entrySet()) {
                String address = answer.getKey();
                boolean forbidden = allowed.entrySet().stream().anyMatch(rule -> address.startsWith(rule.getKey())
                        && !rule.getValue().contains(report.visitor.name()));
                if (report.visitor.name().startsWith("doors") && address.startsWith("/app/")) {
                    Matcher event = Pattern.compile("[?&](?:event|id)=(" + UUID_TEXT + ")").matcher(address);
                    boolean eventPage = event.find() && !address.startsWith("/app/order.xhtml")
                            && !address.startsWith("/app/venue.xhtml");
                    forbidden |= eventPage && !event.group(1).equals(summitId) && !event.group(1).equals(UNKNOWN_ID);
                    // issue 13, finding 8: the team roster and the account's settings are not theirs to read
                    forbidden |= address.startsWith("/app/team.xhtml") || address.startsWith("/app/settings.xhtml");
                }
                if (forbidden) {
                    refused++;
                    if (answer.getValue() != 404) {
                        wrong.add(report.visitor.name() + "  " + address + "  answered " + answer.getValue());
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "Forbidden pages that did not answer 404:\n" + String.join("\n", wrong));
        assertTrue(refused >= 10, "the crawl tried forbidden pages (" + refused + ")");
    }

    /** The attendee list and its CSV answered the error page for every event (issue 12). */
    @Test
    void theSummitsAttendeeListAndItsExportShowItsAttendees() throws Exception {
        String[] attendee = oneRow("""
                select a.first_name, a.last_name, coalesce(a.email, ''), o.code from attendees a
                join orders o on o.id = a.order_id where a.event_id = ?::uuid
                order by lower(a.last_name), lower(a.first_name), a.id limit 1""", summitId);
        RawHttp owner = new RawHttp(base);
        new VisitorReport(VISITORS.get(0), owner).signIn();

        String name = attendee[0] + " " + attendee[1];
        RawHttp.Response list = owner.get("/app/attendees.xhtml?event=" + summitId, Map.of());
        assertEquals(200, list.status(), list.body());
        assertTrue(unescape(list.body()).contains(name), "the list names " + name + ":\n" + list.body());
        assertTrue(list.body().contains(attendee[3]), "the list shows the order " + attendee[3]);

        // the search (an ajax post of the page's form) runs the query with its text condition
        String found = unescape(owner.post("/app/attendees.xhtml?event=" + summitId,
                searchFields(list.body(), attendee[3]), Map.of("Faces-Request", "partial/ajax")).body());
        assertTrue(found.contains(name) && !found.contains("No tickets match."), "the order code finds " + name
                + ":\n" + found);
        String wildcard = owner.post("/app/attendees.xhtml?event=" + summitId, searchFields(list.body(), "%"),
                Map.of("Faces-Request", "partial/ajax")).body();
        assertTrue(wildcard.contains("No tickets match."), "a % is a character, not a wildcard: " + wildcard);

        RawHttp.Response csv = owner.get("/app/export/attendees.csv?event=" + summitId, Map.of());
        assertEquals(200, csv.status(), csv.body());
        assertTrue(String.valueOf(csv.header("Content-Type")).startsWith("text/csv"), csv.header("Content-Type"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("\uFEFForder,ticket type,first name,last name,email,ticket code,status", lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(attendee[3] + ",")
                        && line.contains("," + attendee[0] + "," + attendee[1] + "," + attendee[2] + ",")),
                "the export has " + String.join(" ", attendee) + ":\n" + csv.body());
        assertEquals(Long.parseLong(oneValue("select count(*) from attendees where event_id = '" + summitId + "'")),
                lines.size() - 1, "one line per ticket");
    }

    /** The fields PrimeFaces posts when "Search" is pressed on the attendee list. */
    private static Map<String, String> searchFields(String page, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "attendees-form:search");
        form.put("jakarta.faces.partial.execute", "attendees-form");
        form.put("jakarta.faces.partial.render", "attendees-form:attendees");
        form.put("attendees-form:search", "attendees-form:search");
        form.putAll(RawHttp.formFields(page, "attendees-form"));
        form.put("attendees-form:text", text);
        return form;
    }

    /**
     * Addresses no page links to for everyone: the start pages, links that arrive by email (with unknown tokens),
     * the views behind the public routes asked for directly (not found), and unknown accounts, ids and tokens.
     */
    private List<String> knownAddresses(List<String> orderLinks) throws SQLException {
        String account = oneValue("select id::text from accounts where slug = 'demo'");
        List<String> known = new ArrayList<>(List.of("/", "/app/", "/checkin/", "/e/demo", "/login.xhtml",
                "/signup.xhtml", "/forgot-password.xhtml",
                "/reset-password.xhtml?token=" + UNKNOWN_TOKEN,
                "/invite.xhtml?account=" + account + "&token=" + UNKNOWN_TOKEN,
                "/verify-email.xhtml?token=" + UNKNOWN_TOKEN,
                "/unsubscribe.xhtml?t=" + UNKNOWN_TOKEN,
                "/checkin/device.xhtml?account=" + account + "&token=" + UNKNOWN_TOKEN,
                "/dev/mail", "/dev/mail.xhtml",
                "/e/demo/checkout/" + UNKNOWN_TOKEN, "/e/demo/orders/" + UNKNOWN_TOKEN,
                "/e/demo/orders/" + UNKNOWN_TOKEN + "/tickets.pdf", "/e/demo/orders/find",
                "/e/demo/no-such-event", "/e/no-such-organizer", "/public/event.xhtml", "/shop/order.xhtml",
                "/app/no-such-page.xhtml", "/app/accounts/new.xhtml",
                "/app/event.xhtml?id=" + UNKNOWN_ID, "/app/event.xhtml?id=not-an-id",
                "/app/order.xhtml?id=" + UNKNOWN_ID, "/app/venue.xhtml?id=" + UNKNOWN_ID,
                "/app/order.xhtml?id=not-an-id", "/app/venue.xhtml?id=not-an-id", "/app/orders.xhtml?event=not-an-id",
                "/app/tickets.xhtml?event=not-an-id", "/app/promo-codes.xhtml?event=not-an-id",
                "/app/checkin.xhtml?event=not-an-id", "/app/speaker.xhtml?event=" + UNKNOWN_ID + "&id=not-an-id",
                "/app/reports.xhtml?event=not-an-id", "/app/audit.xhtml?subject=event&id=not-an-id",
                "/checkin/scan.xhtml?event=not-an-id&list=" + UNKNOWN_ID,
                "/app/attendees.xhtml?event=" + UNKNOWN_ID, "/app/attendees.xhtml",
                "/app/export/attendees.csv?event=" + UNKNOWN_ID, "/app/export/orders.csv?event=not-an-id",
                "/app/contact.xhtml?id=" + UNKNOWN_ID, "/app/contact.xhtml?id=not-an-id",
                "/app/contact-merge.xhtml", "/app/contact-merge.xhtml?survivor=" + UNKNOWN_ID + "&other=not-an-id",
                "/app/contact-duplicates.xhtml?after=zz%20top",
                "/app/export/contacts.csv?owner=not-an-id&bought=" + UNKNOWN_ID,
                "/app/event-dashboard.xhtml?event=" + UNKNOWN_ID, "/app/event-dashboard.xhtml?event=not-an-id",
                "/app/reports.xhtml?from=2026-02-30&to=soon", "/app/reports.xhtml?event=" + UNKNOWN_ID,
                "/app/?from=2026-13-01&to=2026-01-01", "/app/reports/no-such-report.csv",
                "/app/reports/orders.xlsx?event=" + UNKNOWN_ID,
                "/checkin/scan.xhtml?event=" + summitId + "&list=" + UNKNOWN_ID,
                "/checkin/offline/list?event=" + summitId + "&list=" + UNKNOWN_ID));
        known.addAll(orderLinks);
        return known;
    }

    /** The private order pages of a demo buyer of the summit: the links arrive by email ("find my orders"). */
    private List<String> orderLinksByEmail() throws SQLException {
        String buyer = oneValue("""
                select o.buyer_email from orders o join events e on e.id = o.event_id
                where e.slug = 'product-summit' and o.status = 'paid' order by o.placed_at limit 1""");
        TestMail mail = TestServer.mail();
        int seen = mail.messagesTo(buyer).size();
        RawHttp http = new RawHttp(base);
        RawHttp.Response page = http.get("/e/demo/orders/find", Map.of());
        assertEquals(200, page.status(), page.body());
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "find-form"));
        form.put("find-form:email", buyer);
        form.put("find-form:send", "Send me the links");
        assertEquals(200, http.post("/e/demo/orders/find", form, Map.of()).status());
        String text = TestMail.text(mail.awaitMessageTo(buyer, seen, Duration.ofSeconds(30)));
        List<String> links = new ArrayList<>();
        Matcher link = Pattern.compile(Pattern.quote(base.toString()) + "(/e/demo/orders/[A-Za-z0-9_-]+)")
                .matcher(text);
        while (link.find()) {
            links.add(link.group(1));
        }
        assertFalse(links.isEmpty(), "order links in the email:\n" + text);
        return links;
    }

    /** Why an address is asked for: it decides how many of one pattern are enough and what a 404 means. */
    enum Source {
        /** From {@link #knownAddresses}: always asked. */
        KNOWN,
        /** A link on a page this visitor opened: a 404 is a broken link. */
        LINK,
        /** Opened by another visitor: this one may be refused (404 or the sign-in page). */
        SHOWN_TO_OTHERS
    }

    /** An address to ask for, why, and the page that linked to it (null unless {@link Source#LINK}). */
    record Pending(String address, Source source, String linkedFrom) {
    }

    /** What one visitor requested, opened and found wrong. */
    private final class VisitorReport {
        final Visitor visitor;
        final RawHttp http;
        final Deque<Pending> queue = new ArrayDeque<>();
        final Set<String> requested = new LinkedHashSet<>();
        final Set<String> opened = new LinkedHashSet<>(); // answered 200 (after redirects)
        final Map<String, Integer> answered = new LinkedHashMap<>(); // the status after redirects
        final Set<String> views = new TreeSet<>();
        final Map<String, Integer> perPattern = new HashMap<>();
        final List<String> problems = new ArrayList<>();
        int requests;

        VisitorReport(Visitor visitor, RawHttp http) {
            this.visitor = visitor;
            this.http = http;
        }

        void signIn() {
            RawHttp.Response page = http.get("/login.xhtml", Map.of());
            assertEquals(200, page.status(), page.body());
            Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "login-form"));
            form.put("login-form:email", visitor.email());
            form.put("login-form:password", visitor.password());
            form.put("login-form:sign-in", "Sign in");
            RawHttp.Response answer = http.post("/login.xhtml", form, Map.of());
            assertEquals(302, answer.status(), visitor.name() + " could not sign in: " + answer.body());
            RawHttp.Response dashboard = http.get("/app/", Map.of());
            assertEquals(200, dashboard.status(), visitor.name() + ": the dashboard right after signing in");
            assertTrue(dashboard.body().contains("(" + visitor.role() + ")"),
                    visitor.name() + " is signed in as " + visitor.role());
        }

        void enqueue(String address, Source source, String linkedFrom) {
            if (!requested.contains(address)) {
                queue.add(new Pending(address, source, linkedFrom));
            }
        }

        void walk() {
            while (!queue.isEmpty()) {
                Pending next = queue.poll();
                String address = next.address();
                Source source = next.source();
                if (requested.contains(address)) {
                    continue;
                }
                // the same page with other ids: a few are enough (a visitor's own links: as many as the demo has
                // events; someone else's: two, to see the refusal)
                String key = source + " " + pattern(address);
                int enough = source == Source.LINK ? PER_PATTERN : source == Source.SHOWN_TO_OTHERS ? 2 : 1_000;
                if (perPattern.getOrDefault(key, 0) >= enough) {
                    continue;
                }
                perPattern.merge(key, 1, Integer::sum);
                requested.add(address);
                visit(address, source, next.linkedFrom());
            }
        }

        private void visit(String address, Source source, String linkedFrom) {
            String at = address;
            RawHttp.Response answer = null;
            for (int hops = 0; hops <= 5; hops++) {
                answer = http.get(at, Map.of());
                requests++;
                if (answer.status() < 300 || answer.status() >= 400 || answer.header("Location") == null) {
                    break;
                }
                String location = local(answer.header("Location"), at);
                if (location == null) {
                    problem(address, "redirects off the site to " + answer.header("Location"));
                    return;
                }
                at = location;
                if (!visitor.signedIn() && at.startsWith("/login.xhtml") && !address.startsWith("/login.xhtml")) {
                    return; // sent to sign in: right for nobody (the sign-in page itself is one of the known pages)
                }
            }
            answered.put(address, answer.status());
            String problem = judge(address, at, answer, source);
            if (problem != null) {
                problem(address, problem + (linkedFrom == null ? "" : " (linked from " + linkedFrom + ")"));
                return;
            }
            String view = viewOf(at);
            if (answer.status() != 200) {
                if (view != null && OPENED_BY_THEIR_REFUSAL.containsKey(view)) {
                    views.add(view);
                }
                return;
            }
            opened.add(address);
            if (view != null && (!isSignInPage(answer) || view.equals("/login.xhtml"))) {
                views.add(view);
            }
            if (String.valueOf(answer.header("Content-Type")).startsWith("text/html")) {
                String page = at;
                links(answer.body(), page).forEach(link -> enqueue(link, Source.LINK, page));
            }
        }

        /** Null when the answer is fine for this visitor, else what is wrong with it. */
        private String judge(String address, String at, RawHttp.Response answer, Source source) {
            int status = answer.status();
            String type = String.valueOf(answer.header("Content-Type"));
            String body = type.startsWith("text/") || type.contains("json") ? answer.body() : "";
            Matcher errorId = ERROR_ID.matcher(body);
            if (errorId.find() || body.contains("Something went wrong")) {
                return "answered " + status + " with the error page"
                        + (errorId.find(0) ? " (error id " + errorId.group(1) + " in the server log)" : "");
            }
            if (status >= 500) {
                return "answered " + status + firstLines(body);
            }
            if (body.contains("This page has expired")) {
                return "shows the expired page on a GET";
            }
            String text = SCRIPT.matcher(body).replaceAll(""); // scripts name exception classes in their settings
            for (Pattern trace : STACK_TRACE) {
                Matcher m = trace.matcher(text);
                if (m.find()) {
                    return "shows a stack trace or exception: ..." + around(text, m.start()) + "...";
                }
            }
            if (answer.status() >= 300 && answer.status() < 400) {
                return "redirects in circles (ended at " + at + ")";
            }
            if (status == 404) {
                return source == Source.LINK ? "a link shown to " + visitor.name() + " leads to \"not found\"" : null;
            }
            if (status != 200) {
                return "answered " + status;
            }
            if (isSignInPage(answer) && visitor.signedIn() && !address.startsWith("/login.xhtml")) {
                return "sends a signed-in " + visitor.name() + " to the sign-in page (" + at + ")";
            }
            if (!visitor.signedIn() && at.startsWith("/app/")) {
                return "opens for nobody without signing in";
            }
            return null;
        }

        private void problem(String address, String what) {
            problems.add(visitor.name() + "  " + address + "  " + what);
        }
    }

    private static boolean isSignInPage(RawHttp.Response answer) {
        return answer.body().contains("<form id=\"login-form\"");
    }

    /** The same-site addresses a page links to (and the kiosk's offline list, which its script loads). */
    private List<String> links(String html, String page) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            String value = unescape(m.group(2));
            if (m.group(1).equals("src") && !value.contains("/media/")) {
                continue; // scripts and styles
            }
            String local = local(value, page);
            if (local != null && !local.startsWith("/jakarta.faces.resource/") && !local.startsWith("/resources/")
                    && !local.endsWith(".js") && !NEVER_FOLLOW.matcher(local).find()) {
                links.add(local);
            }
        }
        Matcher offline = OFFLINE_LIST.matcher(html);
        while (offline.find()) {
            links.add(local(unescape(offline.group(3)), page) + "/list?event=" + offline.group(1) + "&list="
                    + offline.group(2));
        }
        return links;
    }

    /** The path and query of a same-site address (fragment dropped), or null for another site, mailto: etc. */
    private String local(String value, String page) {
        if (value.isEmpty() || value.startsWith("#") || value.startsWith("mailto:") || value.startsWith("data:")) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(base + page).resolve(value.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!"http".equals(uri.getScheme()) || !base.getHost().equals(uri.getHost()) || base.getPort() != uri.getPort()) {
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The view a request for this address renders (following the public routes), or null. */
    static String viewOf(String address) {
        String path = address.split("\\?", 2)[0];
        if (path.endsWith("/")) {
            path = path + "index.xhtml";
        }
        if (path.startsWith("/e/")) {
            String[] s = path.substring(3).split("/");
            if (s.length == 1) {
                return "/public/account.xhtml";
            }
            if (s.length == 2 && !s[1].endsWith(".ics") && !s[1].equals("orders")) {
                return "/public/event.xhtml";
            }
            if (s.length == 3 && s[1].equals("checkout")) {
                return "/shop/checkout.xhtml";
            }
            if (s.length == 3 && s[1].equals("orders")) {
                return s[2].equals("find") ? "/shop/find-order.xhtml" : "/shop/order.xhtml";
            }
            if (s.length == 3 && s[2].equals("tickets")) {
                return "/shop/tickets.xhtml";
            }
            return null;
        }
        if (path.equals("/dev/mail")) {
            return "/dev/mail.xhtml";
        }
        // the views behind the public routes are not found when asked for directly
        if (path.endsWith(".xhtml") && !path.startsWith("/public/") && !path.startsWith("/shop/")) {
            return path;
        }
        return null;
    }

    /** The address with ids, tokens, numbers and dates replaced, so that one page with many ids counts once. */
    static String pattern(String address) {
        String[] parts = address.split("\\?", 2);
        StringBuilder path = new StringBuilder();
        String[] segments = parts[0].split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (i > 0) {
                path.append('/');
            }
            boolean eventSlug = i == 3 && "e".equals(segments[1]) && !s.equals("checkout") && !s.equals("orders");
            path.append(UUID_TEXT.matcher(s).replaceAll("{id}").equals("{id}") ? "{id}"
                    : eventSlug ? (s.endsWith(".ics") ? "{event}.ics" : "{event}")
                    : TOKEN_TEXT.matcher(s).matches() ? "{token}"
                    : UUID_TEXT.matcher(s).replaceAll("{id}"));
        }
        if (parts.length == 1) {
            return path.toString();
        }
        Map<String, String> query = new TreeMap<>();
        for (String pair : parts[1].split("&")) {
            String[] kv = pair.split("=", 2);
            String value = kv.length == 2 ? kv[1] : "";
            query.put(kv[0], UUID_TEXT.matcher(value).matches() ? "{id}" : value.matches("[0-9-]+") ? "{n}"
                    : TOKEN_TEXT.matcher(value).matches() ? "{token}" : value);
        }
        return path + "?" + query;
    }

    private static String unescape(String text) {
        return Pattern.compile("&#(\\d+);").matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                        Character.toString(Integer.parseInt(m.group(1)))))
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String around(String body, int at) {
        return body.substring(Math.max(0, at - 80), Math.min(body.length(), at + 160)).replaceAll("\\s+", " ");
    }

    private static String firstLines(String body) {
        return body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), 200)).replaceAll("\\s+", " ");
    }

    private static String oneValue(String sql) throws SQLException {
        return oneRow(sql)[0];
    }

    private static String[] oneRow(String sql, String... parameters) throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos");
             PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "no row for " + sql);
                String[] row = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                return row;
            }
        }
    }
}
