package io.eventos.account.web.publicsite;

import io.eventos.testing.RawHttp;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import io.eventos.testing.TestUsers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly summary's unsubscribe link as a member meets it: the test server's own weekly job (every 5 s there)
 * sends a new account's owner their summary over SMTP to the test mail server; the delivered email has
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058) naming the
 * configured address, and the same link in its text. Following it over HTTP: GET (the header's address and the page)
 * changes nothing; a changed link shows a sentence (page) or 400 (one-click), never a 500; the mail program's
 * one-click POST turns it off; the page then says so. From one address, 20 bad links, then every link waits (429).
 * Connects from 127.0.0.120–122.
 */
class WeeklySummaryUnsubscribeIT {

    private static final Pattern PAGE_LINK = Pattern.compile("(https?://\\S+/unsubscribe\\.xhtml\\?t=([A-Za-z0-9_-]+))");

    @Test
    void theDeliveredEmailsOneClickLinkTurnsTheSummaryOffAndOpeningItDoesNot() throws Exception {
        URI base = TestServer.baseUri();
        TestMail mail = TestServer.mail();
        String email = TestUsers.create("weekly");
        String slug = "weekly-" + Long.toString(System.nanoTime(), 36);
        int seen = mail.messagesTo(email).size();
        TestUsers.update("insert into accounts (id, slug, name) values (gen_random_uuid(), ?, 'Weekly Org ' || ?)",
                slug, slug);
        TestUsers.update("""
                insert into account_users (id, account_id, user_id, role, weekly_summary)
                select gen_random_uuid(), a.id, u.id, 'owner', true from accounts a, users u
                where a.slug = ? and u.email = ?""", slug, email);

        // the job's email, as delivered over SMTP
        MimeMessage summary = mail.awaitMessageTo(email, seen, Duration.ofSeconds(90));
        assertThat(summary.getSubject()).contains("your week");
        String oneClick = summary.getHeader("List-Unsubscribe", null);
        assertThat(summary.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(oneClick).startsWith("<" + base + "/email/unsubscribe?t=").endsWith(">");
        String token = oneClick.substring(oneClick.indexOf("?t=") + 3, oneClick.length() - 1);
        Matcher link = PAGE_LINK.matcher(TestMail.text(summary));
        assertThat(link.find()).as("the page's link in the text").isTrue();
        assertThat(link.group(1)).startsWith(base.toString());
        assertThat(link.group(2)).isEqualTo(token);
        String page = URI.create(link.group(1)).getRawPath() + "?" + URI.create(link.group(1)).getRawQuery();
        String post = "/email/unsubscribe?t=" + token;

        // GET of the header's address and of the page (what mail scanners do): nothing changes
        RawHttp http = new RawHttp(base, "127.0.0.120");
        RawHttp.Response redirect = http.get(post, Map.of());
        assertThat(redirect.status()).isBetween(302, 303);
        assertThat(TestUsers.pathOf(redirect.header("Location"))).isEqualTo(page);
        RawHttp.Response question = http.get(page, Map.of());
        assertThat(question.status()).isEqualTo(200);
        assertThat(TestUsers.text(question.body())).contains("Stop the weekly summary of Weekly Org " + slug)
                .contains(email);
        assertThat(on(email, slug)).as("opening the link changes nothing").isEqualTo(1);

        // a changed link: a sentence on the page, 400 to the one-click request; still on
        String changed = token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41);
        RawHttp.Response bad = http.get("/unsubscribe.xhtml?t=" + changed, Map.of());
        assertThat(bad.status()).isEqualTo(200);
        assertThat(TestUsers.text(bad.body())).contains("This unsubscribe link is not valid");
        RawHttp.Response badPost = http.post("/email/unsubscribe?t=" + changed,
                Map.of("List-Unsubscribe", "One-Click"), Map.of());
        assertThat(badPost.status()).isEqualTo(400);
        assertThat(on(email, slug)).isEqualTo(1);

        // the mail program's one-click POST (RFC 8058) turns it off, audited
        RawHttp.Response done = http.post(post, Map.of("List-Unsubscribe", "One-Click"), Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("You no longer receive the weekly summary of Weekly Org " + slug);
        assertThat(on(email, slug)).isEqualTo(0);
        assertThat(TestUsers.queryLong("""
                select count(*) from audit_log a join account_users au on au.id = a.subject_id
                join users u on u.id = au.user_id
                where a.action = 'member.weekly_summary_changed' and u.email = ? and a.actor_user_id = u.id
                  and a.after ->> 'weekly_summary' = 'false'""", email)).isEqualTo(1);
        assertThat(TestUsers.text(http.get(page, Map.of()).body()))
                .contains("You no longer receive the weekly summary of Weekly Org " + slug);

        // the page's own button: a plain form posting to the same address, answered by the page again (303)
        TestUsers.update("update account_users set weekly_summary = true where user_id = (select id from users where email = ?)",
                email);
        RawHttp.Response button = http.post(post, Map.of(), Map.of());
        assertThat(button.status()).isEqualTo(303);
        assertThat(TestUsers.pathOf(button.header("Location"))).isEqualTo(page);
        assertThat(on(email, slug)).isEqualTo(0);
    }

    @Test
    void oneAddressBringingManyBadLinksWaits() {
        RawHttp http = new RawHttp(TestServer.baseUri(), "127.0.0.121");
        for (int i = 0; i < 20; i++) {
            RawHttp.Response bad = http.get("/unsubscribe.xhtml?t=made-up-" + i, Map.of());
            assertThat(bad.status()).as("bad link " + i).isEqualTo(200);
            assertThat(TestUsers.text(bad.body())).contains("This unsubscribe link is not valid");
        }
        RawHttp.Response refused = http.get("/unsubscribe.xhtml?t=made-up-21", Map.of());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(TestUsers.text(refused.body())).contains("Too many attempts");
        assertThat(http.post("/email/unsubscribe?t=made-up-22", Map.of("List-Unsubscribe", "One-Click"), Map.of())
                .status()).isEqualTo(429);
        // another address is not affected
        assertThat(new RawHttp(TestServer.baseUri(), "127.0.0.122").get("/unsubscribe.xhtml?t=made-up", Map.of())
                .status()).isEqualTo(200);
    }

    private static long on(String email, String slug) {
        return TestUsers.queryLong("""
                select count(*) from account_users au join users u on u.id = au.user_id
                join accounts a on a.id = au.account_id
                where u.email = ? and au.weekly_summary""", email);
    }
}
