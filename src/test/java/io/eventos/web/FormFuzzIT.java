package io.eventos.web;

import io.eventos.testing.RawHttp;
import io.eventos.testing.TestServer;
import io.eventos.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: every form of the public and the organizer side, filled with what an attacker or a clumsy hand types —
 * 100,000 characters, control characters, invalid UTF-8, negative and huge numbers, malformed dates, script — and
 * sent with each of its buttons. No answer may be a server error (5xx, or the error page), and no payload's script may
 * come back unescaped. The pages are found by crawling, so a new page with a form is fuzzed without a line here: the
 * public side from the summit's page, the organizer side from /app/ as the owner of an account of this test's own
 * (its forms may change whatever they like there). Plain HTTP from loopback addresses of this test's own.
 */
public class FormFuzzIT {

    private static final String SCRIPT = "<script>alert('fz')</script>";
    private static final String IMAGE = "\"><img src=x onerror=alert('fz')>";
    private static final int MAX_PAGES = 60;

    /** What every text field of a form gets in one post. {@code raw}: already percent-encoded (invalid UTF-8). */
    private record Payload(String name, Function<String, String> text, String select, boolean raw) {
    }

    private static final List<Payload> PAYLOADS = List.of(
            new Payload("oversized", field -> "A".repeat(100_000), "zzz", false),
            new Payload("control characters", field -> "Ada\u0000Love\u0007lace\u001b[0m", null, false),
            new Payload("script", field -> field.toLowerCase(Locale.ROOT).contains("email")
                    ? "x" + SCRIPT + "@example.com" : SCRIPT + IMAGE, null, false),
            new Payload("numbers", field -> field.hashCode() % 2 == 0 ? "-99999999999999999999" : "1e309", "-1", false),
            new Payload("dates", field -> "2026-13-45 25:61", null, false),
            new Payload("invalid UTF-8", field -> "%C3%28%FF%FE%ED%A0%80", null, true));

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT = Pattern.compile("<select\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON = Pattern.compile("<button\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final URI base = TestServer.baseUri();
    private final List<String> problems = new ArrayList<>();
    private int posts;

    @Test
    void publicFormsNeverAnswerAServerErrorNorReflectAScript() {
        RawHttp visitor = new RawHttp(base, "127.0.0.81");
        Set<String> pages = crawl(visitor, List.of("/e/demo/product-summit", "/e/demo/product-summit/tickets",
                "/e/demo/orders/find", "/login.xhtml", "/signup.xhtml", "/forgot-password.xhtml"),
                path -> path.startsWith("/e/demo") && !path.contains("/checkout/") && !path.endsWith(".ics")
                        && !path.endsWith(".pdf"));
        pages.forEach(page -> fuzz(visitor, page, Set.of()));
        report(pages, 5);
    }

    @Test
    void organizerFormsNeverAnswerAServerErrorNorReflectAScript() {
        String owner = anAccountOfItsOwn();
        RawHttp organizer = new RawHttp(base, "127.0.0.82");
        TestUsers.signIn(organizer, owner, TestUsers.PASSWORD);
        Set<String> pages = crawl(organizer, List.of("/app/"), path -> path.startsWith("/app/")
                && !path.startsWith("/app/export/") && !path.contains("logout"));
        // the pages that can end the session or the account come last, so the others are fuzzed signed in
        List<String> ordered = new ArrayList<>(pages);
        ordered.sort((a, b) -> Boolean.compare(last(a), last(b)));
        ordered.forEach(page -> fuzz(organizer, page, Set.of("logout-form", "account-switch-form")));
        report(pages, 12);
    }

    private static boolean last(String page) {
        return page.startsWith("/app/security") || page.startsWith("/app/settings") || page.startsWith("/app/team")
                || page.startsWith("/app/accounts/"); // a new account becomes the session's current one
    }

    private void report(Set<String> pages, int leastPages) {
        System.out.println("FormFuzzIT: " + posts + " posts on " + pages.size() + " pages " + pages);
        assertTrue(pages.size() >= leastPages, "the crawl found the pages: " + pages);
        assertTrue(posts >= 6 * leastPages, "forms were sent: " + posts + " posts on " + pages);
        assertTrue(problems.isEmpty(), problems.size() + " problems in " + posts + " posts:\n"
                + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    }

    /** The pages reachable by links from {@code start} that {@code keep} accepts; one per pattern of ids. */
    private Set<String> crawl(RawHttp client, List<String> start, java.util.function.Predicate<String> keep) {
        Set<String> patterns = new LinkedHashSet<>();
        Set<String> pages = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty() && pages.size() < MAX_PAGES) {
            String page = queue.poll();
            if (!patterns.add(UUID_TEXT.matcher(page).replaceAll("{id}"))) {
                continue;
            }
            RawHttp.Response answer = client.get(page, Map.of());
            check(page, "GET", answer);
            if (answer.status() != 200) {
                continue;
            }
            pages.add(page);
            Matcher href = HREF.matcher(answer.body());
            while (href.find()) {
                String link = href.group(1).replace("&amp;", "&");
                if (link.startsWith(base.toString())) {
                    link = link.substring(base.toString().length());
                }
                if (link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/jakarta.faces.resource")
                        && keep.test(link)) {
                    queue.add(link);
                }
            }
        }
        return pages;
    }

    private void fuzz(RawHttp client, String page, Set<String> skipForms) {
        RawHttp.Response first = client.get(page, Map.of());
        if (first.status() != 200) {
            return;
        }
        for (Form form : forms(first.body())) {
            if (skipForms.contains(form.id)) {
                continue;
            }
            System.out.println("FormFuzzIT: " + page + " form " + form.id + " fields " + form.texts.size()
                    + " buttons " + form.buttons);
            for (String button : form.buttons.isEmpty() ? List.of("") : form.buttons) {
                RawHttp.Response fresh = client.get(page, Map.of());
                if (fresh.status() != 200) {
                    return;
                }
                Form current = forms(fresh.body()).stream().filter(f -> f.id.equals(form.id)).findFirst()
                        .orElse(null);
                if (current == null) {
                    continue;
                }
                for (Payload payload : PAYLOADS) {
                    String body = body(current, button, payload);
                    RawHttp.Response answer = client.postEncoded(page, body, Map.of());
                    posts++;
                    check(page, "POST " + form.id + " [" + button + "] " + payload.name, answer);
                }
            }
        }
    }

    private void check(String page, String what, RawHttp.Response answer) {
        String body = answer.body();
        if (answer.status() >= 500 || body.contains("Something went wrong") || body.contains("Error id")) {
            problems.add(page + "  " + what + "  answered " + answer.status() + " " + TestUsers.messages(body));
        }
        if (body.contains(SCRIPT) || body.contains("<img src=x onerror=alert('fz')>")) {
            problems.add(page + "  " + what + "  reflected the script unescaped");
        }
    }

    private record Form(String id, Map<String, String> hidden, List<String> texts, List<String> selects,
                        List<String> checkboxes, List<String> buttons) {
    }

    private static List<Form> forms(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String id = attribute(form.group(1), "id");
            if (id == null || !"post".equalsIgnoreCase(String.valueOf(attribute(form.group(1), "method")))) {
                continue;
            }
            Map<String, String> hidden = new LinkedHashMap<>(RawHttp.formFields(html, id));
            List<String> texts = new ArrayList<>();
            List<String> checkboxes = new ArrayList<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                String name = attribute(input.group(), "name");
                String type = String.valueOf(attribute(input.group(), "type")).toLowerCase(Locale.ROOT);
                if (name == null || input.group().contains(" disabled")) {
                    continue;
                }
                switch (type) {
                    case "hidden", "submit", "button", "file", "image", "reset" -> { }
                    case "checkbox", "radio" -> checkboxes.add(name);
                    default -> texts.add(name);
                }
            }
            Matcher area = TEXTAREA.matcher(form.group(2));
            while (area.find()) {
                if (attribute(area.group(), "name") != null) {
                    texts.add(attribute(area.group(), "name"));
                }
            }
            List<String> selects = new ArrayList<>();
            Matcher select = SELECT.matcher(form.group(2));
            while (select.find()) {
                if (attribute(select.group(), "name") != null) {
                    selects.add(attribute(select.group(), "name"));
                }
            }
            List<String> buttons = new ArrayList<>();
            Matcher button = BUTTON.matcher(form.group(2));
            while (button.find()) {
                String name = attribute(button.group(), "name");
                if (name != null && !"button".equalsIgnoreCase(attribute(button.group(), "type"))) {
                    buttons.add(name);
                }
            }
            forms.add(new Form(id, hidden, texts, selects, checkboxes, buttons));
        }
        return forms;
    }

    private static String body(Form form, String button, Payload payload) {
        StringBuilder body = new StringBuilder();
        form.hidden.forEach((name, value) -> append(body, name, value, false));
        for (String text : form.texts) {
            append(body, text, payload.text.apply(text), payload.raw);
        }
        for (String select : form.selects) {
            if (payload.select != null) {
                append(body, select, payload.select, false);
            }
        }
        form.checkboxes.forEach(box -> append(body, box, "on", false));
        if (!button.isEmpty()) {
            append(body, button, button, false);
        }
        return body.toString();
    }

    private static void append(StringBuilder body, String name, String value, boolean raw) {
        body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(raw ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    /**
     * A new user who owns a new account with a venue, an event and a ticket type of their own, written as the
     * database's owner (the test stands outside the application).
     */
    private static String anAccountOfItsOwn() {
        String email = TestUsers.create("fuzz");
        String slug = "fuzz-" + Long.toString(System.nanoTime(), 36);
        TestUsers.update("insert into accounts (id, slug, name) values (gen_random_uuid(), ?, 'Fuzz Org')", slug);
        TestUsers.update("""
                insert into account_users (id, account_id, user_id, role)
                select gen_random_uuid(), a.id, u.id, 'owner' from accounts a, users u
                where a.slug = ? and u.email = ?""", slug, email);
        TestUsers.update("""
                insert into venues (id, account_id, name, time_zone)
                select gen_random_uuid(), id, 'Fuzz Hall', 'Europe/Berlin' from accounts where slug = ?""", slug);
        TestUsers.update("""
                insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency, venue_id)
                select gen_random_uuid(), a.id, 'fuzz-fest', 'Fuzz Fest', now() + interval '30 days',
                       now() + interval '30 days 3 hours', 'Europe/Berlin', 'EUR', v.id
                from accounts a join venues v on v.account_id = a.id where a.slug = ?""", slug);
        TestUsers.update("""
                insert into tickets (id, account_id, event_id, name, currency, price_minor, quantity)
                select gen_random_uuid(), e.account_id, e.id, 'Fuzz ticket', 'EUR', 1000, 100
                from events e join accounts a on a.id = e.account_id where a.slug = ?""", slug);
        return email;
    }
}
