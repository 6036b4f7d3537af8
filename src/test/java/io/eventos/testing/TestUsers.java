package io.eventos.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users made for one test, so that tests that change passwords, end sessions or count emails never touch the demo
 * users others sign in as: a unique address, the demo viewer's password hash (so the password is
 * {@link #PASSWORD}; nobody changes the viewer's), optionally a membership in the demo account. Users stay (the
 * audit log names them); memberships are removed with {@link #leaveDemo}. Plus sign-in and form posts over
 * {@link RawHttp}, from a loopback address of the test's own so that per-address limits of one test do not reach
 * another.
 */
public final class TestUsers {

    public static final String PASSWORD = "demo-viewer-2026";
    private static final Pattern MESSAGES = Pattern.compile("id=\"(?:[\\w-]+:)?messages\"[^>]*>(.*?)</div>",
            Pattern.DOTALL);

    private TestUsers() {
    }

    /** A new active user ("label-xyz@example.test") without any account. */
    public static String create(String label) {
        String email = label + "-" + Long.toString(System.nanoTime(), 36) + "@example.test";
        update("""
                insert into users (id, email, name, password_hash, email_verified_at)
                select gen_random_uuid(), ?, ?, password_hash, now() from users where email = 'viewer@demo.eventos.test'""",
                email, "Tess " + label);
        return email;
    }

    /** A new user who is a viewer of the demo account. */
    public static String createDemoViewer(String label) {
        String email = create(label);
        update("""
                insert into account_users (id, account_id, user_id, role)
                select gen_random_uuid(), a.id, u.id, 'viewer' from accounts a, users u
                where a.slug = 'demo' and u.email = ?""", email);
        return email;
    }

    /** Removes the user's membership in the demo account, if it is still there. */
    public static void leaveDemo(String email) {
        update("""
                delete from account_users where user_id = (select id from users where email = ?)
                and account_id = (select id from accounts where slug = 'demo')""", email);
    }

    /**
     * Signs in over plain HTTP from this client; the client then holds the session. Returns where sign-in sent it
     * (the Location of the redirect), or fails with the page if it did not redirect.
     */
    public static String signIn(RawHttp client, String email, String password) {
        RawHttp.Response page = client.get("/login.xhtml", Map.of());
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), "login-form"));
        form.put("login-form:email", email);
        form.put("login-form:password", password);
        form.put("login-form:sign-in", "Sign in");
        RawHttp.Response answer = client.post("/login.xhtml", form, Map.of());
        if (answer.status() != 302) {
            throw new AssertionError("Sign-in of " + email + " did not redirect: " + answer.status() + "\n"
                    + answer.body());
        }
        return answer.header("Location");
    }

    /** Fills the form {@code formId} of the page at {@code path} with these fields and posts it. */
    public static RawHttp.Response post(RawHttp client, String path, String formId, Map<String, String> fields,
                                        Map<String, String> headers) {
        RawHttp.Response page = client.get(path, headers);
        if (page.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.status() + "\n" + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>(RawHttp.formFields(page.body(), formId));
        form.putAll(fields);
        return client.post(path, form, headers);
    }

    /** The text of the page's global messages (id "messages" or "form:messages"), tags removed; "" if none. */
    public static String messages(String html) {
        Matcher matcher = MESSAGES.matcher(html);
        return matcher.find() ? text(matcher.group(1)) : "";
    }

    /** Markup without its tags and with its entities read, spaces collapsed. */
    public static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    /** The path of a redirect's Location header, without scheme and host. */
    public static String pathOf(String location) {
        return location == null ? null : URI.create(location).getRawPath()
                + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery());
    }

    /** The number {@code sql} selects (one parameter), or -1 without a row ({@link TestDatabase#query}). */
    public static long queryLong(String sql, String parameter) {
        List<String> rows = TestDatabase.query(sql, parameter);
        return rows.isEmpty() ? -1 : Long.parseLong(rows.get(0));
    }

    /** {@link TestDatabase#execute}, for the text parameters of these helpers' callers. */
    public static void update(String sql, String... parameters) {
        TestDatabase.execute(sql, (Object[]) parameters);
    }
}
