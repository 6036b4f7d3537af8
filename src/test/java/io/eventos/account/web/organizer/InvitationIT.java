package io.eventos.account.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.BrowserTest.BrowsersOnDemand;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.TestMail;
import io.eventos.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.eventos.testing.TestDatabase.execute;
import static io.eventos.testing.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team invitations in real browsers, with the mail read from the test SMTP server: the owner of the demo account
 * invites; a new person signs up on the way, an existing user of another account signs in; used, replaced, expired
 * and revoked links are refused with one sentence; an address that is already a member is explained next to the
 * field. Every invitation goes to a new address, so the demo data stays as it is (apart from new members).
 */
@BrowsersOnDemand
class InvitationIT extends BrowserTest {

    private static final String OWNER = DemoLogin.OWNER.email();
    private static final String PASSWORD = "quayside-orchard-5317";
    private static final Pattern LINK = Pattern.compile(
            "(https?://\\S+/invite\\.xhtml\\?account=[0-9a-f-]{36}&token=[A-Za-z0-9_-]+)");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private TestMail mail;

    @BeforeEach
    void start() {
        mail = TestServer.mail();
    }

    @Test
    void aNewPersonSignsUpOnTheWayAndSeesTheViewersMenu() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        String email = "newbie-" + unique + "@example.test";
        ChromeDriver owner = ownerOnTheTeamPage();
        invite(owner, email, "viewer", null);
        assertThat(inviteMessages(owner)).isEqualTo("Invitation sent to " + email + ". The link works for 7 days.");
        assertThat(pendingRow(owner, email).getText()).contains("viewer", "Olivia Owner", "expires");
        assertThat(owner.findElement(By.id("invite-form:email")).getAttribute("value")).isEmpty();
        Browser.screenshot(owner, "invitation-team-page");

        MimeMessage message = mail.awaitMessageTo(email, 0, MAIL_WAIT);
        assertThat(message.getSubject()).isEqualTo("Olivia Owner invited you to Northwind Events on EventOS");
        assertThat(TestMail.text(message)).contains("as a viewer", "within 7 days");
        String link = linkIn(message);

        ChromeDriver newcomer = anotherBrowser();
        newcomer.get(link);
        assertThat(newcomer.findElement(By.tagName("h1")).getText()).isEqualTo("Join Northwind Events");
        assertThat(newcomer.findElement(By.id("invite-summary")).getText())
                .isEqualTo("Olivia Owner invited " + email + " to join Northwind Events as a viewer.");
        assertThat(newcomer.findElement(By.id("signup-form:email")).getAttribute("value")).isEqualTo(email);
        Browser.screenshot(newcomer, "invitation-sign-up");

        // bad input first: one sentence per field, the name stays
        newcomer.findElement(By.id("signup-form:password")).sendKeys("short");
        Browser.submit(newcomer, By.id("signup-form:join"));
        assertThat(newcomer.findElement(By.id("signup-form:name-message")).getText()).isEqualTo("Enter your name.");
        assertThat(newcomer.findElement(By.id("signup-form:password-message")).getText())
                .isEqualTo("Use at least 10 characters.");
        newcomer.findElement(By.id("signup-form:name")).sendKeys("Nina Newbie");
        Browser.submit(newcomer, By.id("signup-form:join"));
        assertThat(newcomer.findElement(By.id("signup-form:name")).getAttribute("value")).isEqualTo("Nina Newbie");
        assertThat(newcomer.findElement(By.id("signup-form:password-message")).getText()).isEqualTo("Choose a password.");

        newcomer.findElement(By.id("signup-form:password")).sendKeys(PASSWORD);
        Browser.submit(newcomer, By.id("signup-form:join"));
        assertThat(newcomer.getCurrentUrl()).contains("/app/");
        assertThat(currentAccount(newcomer)).isEqualTo("Northwind Events");
        assertThat(newcomer.findElement(By.id("messages")).getText())
                .isEqualTo("Welcome to Northwind Events: you joined as viewer.");
        assertThat(newcomer.findElement(By.className("account-bar")).getText()).contains("Nina Newbie (viewer)");
        assertThat(newcomer.findElements(By.id("nav-audit"))).as("viewers have no audit log").isEmpty();
        assertThat(newcomer.findElements(By.id("email-notice"))).as("the link confirmed the address").isEmpty();
        Browser.screenshot(newcomer, "invitation-joined-dashboard");
        newcomer.get(base + "/app/team.xhtml");
        assertThat(newcomer.findElement(By.id("team-form:members")).getText()).contains("Nina Newbie");
        assertThat(newcomer.findElements(By.xpath("//button[.//span[text()='Remove']]"))).isEmpty();
        assertThat(newcomer.findElements(By.id("invite-form"))).as("viewers invite nobody").isEmpty();

        // the link worked once: the new member is pointed to the dashboard, anyone else is refused
        newcomer.get(link);
        assertThat(newcomer.findElement(By.id("already-member")).getText())
                .isEqualTo("You are already a member of Northwind Events.");
        ChromeDriver stranger = anotherBrowser();
        stranger.get(link);
        assertThat(stranger.findElement(By.id("invite-problem-text")).getText()).isEqualTo(
                "This invitation was already used: each invitation works once. If you still need to join "
                        + "Northwind Events, ask Olivia Owner for a new one.");
        assertThat(stranger.findElements(By.id("signup-form"))).isEmpty();

        owner.get(base + "/app/team.xhtml");
        assertThat(owner.findElement(By.id("team-form:members")).getText()).contains("Nina Newbie");
        assertThat(owner.findElement(By.id("pending-form:pending")).getText()).doesNotContain(email);
        assertThat(count("select count(*) from users where lower(email) = lower(?) and email_verified_at is not null",
                email)).isEqualTo(1);
        assertThat(count("""
                select count(*) from audit_log a join accounts ac on ac.id = a.account_id
                where ac.slug = 'demo' and a.after->>'email' = ? and a.action in ('member.invited', 'member.joined')""",
                email)).isEqualTo(2);
    }

    @Test
    void anExistingUserOfAnotherAccountSignsInJoinsAndHasBothAccounts() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        String email = "doorkeeper-" + unique + "@example.test";
        String ownAccount = "Gatehouse " + unique;
        ChromeDriver guest = anotherBrowser();
        guest.get(base + "/signup.xhtml");
        guest.findElement(By.id("signup-form:name")).sendKeys("Gus Gatehouse");
        guest.findElement(By.id("signup-form:email")).sendKeys(email);
        guest.findElement(By.id("signup-form:password")).sendKeys(PASSWORD);
        guest.findElement(By.id("signup-form:organization")).sendKeys(ownAccount);
        Browser.submit(guest, By.id("signup-form:create"));
        Browser.signInAfterSignUp(guest, PASSWORD);
        assertThat(currentAccount(guest)).isEqualTo(ownAccount);
        Browser.submit(guest, By.id("logout-form:logout"));
        int mailsBefore = mail.messagesTo(email).size();

        // a member limited to one event: door staff for the summit
        ChromeDriver owner = ownerOnTheTeamPage();
        invite(owner, email, "member", "Nordic Product Summit");
        assertThat(pendingRow(owner, email).getText()).contains("member", "(only Nordic Product Summit)");
        String link = linkIn(mail.awaitMessageTo(email, mailsBefore, MAIL_WAIT));

        guest.get(link);
        assertThat(guest.findElement(By.id("invite-summary")).getText()).isEqualTo("Olivia Owner invited " + email
                + " to join Northwind Events as a member, for selected events only.");
        assertThat(guest.findElements(By.id("signup-form"))).as("the address has a user: sign in, not up").isEmpty();
        Browser.screenshot(guest, "invitation-sign-in");
        Browser.submit(guest, By.id("sign-in-to-join"));
        assertThat(guest.getCurrentUrl()).contains("/login.xhtml");
        Browser.submitSignIn(guest, email, PASSWORD);
        wait(guest, ExpectedConditions.urlContains("/invite.xhtml"));
        Browser.submit(guest, By.id("join-form:join"));
        assertThat(guest.getCurrentUrl()).contains("/app/");
        assertThat(currentAccount(guest)).isEqualTo("Northwind Events");
        assertThat(guest.findElement(By.id("event-count")).getText()).as("only the summit").isEqualTo("1");
        assertThat(guest.findElement(By.className("account-bar")).getText()).contains("Gus Gatehouse (member)");
        assertThat(guest.findElements(By.id("nav-audit"))).isEmpty();

        // both accounts in the switcher
        guest.findElement(By.id("account-switch-form:account-switcher_button")).click();
        WebElement other = wait(guest, ExpectedConditions.elementToBeClickable(By.xpath(
                "//a[contains(@class,'ui-menuitem-link')][normalize-space(.)='" + ownAccount + "']")));
        Browser.screenshot(guest, "invitation-two-accounts");
        Browser.clickToNavigate(guest, other);
        assertThat(currentAccount(guest)).isEqualTo(ownAccount);
        assertThat(guest.findElement(By.className("account-bar")).getText()).as("the role is per account")
                .contains("Gus Gatehouse (owner)");

        // used once; opening it again as that member points to the dashboard of the account
        ChromeDriver stranger = anotherBrowser();
        stranger.get(link);
        assertThat(stranger.findElement(By.id("invite-problem-text")).getText())
                .startsWith("This invitation was already used: each invitation works once.");
        guest.get(link);
        Browser.submit(guest, By.id("member-form:open-account"));
        assertThat(currentAccount(guest)).isEqualTo("Northwind Events");
        assertThat(count("""
                select count(*) from account_users au join users u on u.id = au.user_id
                join accounts a on a.id = au.account_id join events e on e.account_id = a.id
                where lower(u.email) = lower(?) and a.slug = 'demo' and au.role = 'member'
                  and e.slug = 'product-summit' and au.event_scope = jsonb_build_array(e.id::text)""", email))
                .isEqualTo(1);
    }

    @Test
    void replacedExpiredRevokedAndUnknownLinksAreRefusedWithOneSentence() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        String email = "latecomer-" + unique + "@example.test";
        ChromeDriver owner = ownerOnTheTeamPage();
        invite(owner, email, "manager", null);
        String first = linkIn(mail.awaitMessageTo(email, 0, MAIL_WAIT));
        invite(owner, email, "viewer", null);
        assertThat(inviteMessages(owner))
                .isEqualTo("We sent a new invitation to " + email + "; the earlier link no longer works.");
        String second = linkIn(mail.awaitMessageTo(email, 1, MAIL_WAIT));
        assertThat(owner.findElements(By.xpath("//tbody[@id='pending-form:pending_data']/tr[td[text()='" + email
                + "']]"))).as("one open invitation per address").hasSize(1);
        assertThat(pendingRow(owner, email).getText()).contains("viewer");

        ChromeDriver guest = anotherBrowser();
        guest.get(first);
        assertThat(guest.findElement(By.id("invite-problem-text")).getText()).isEqualTo(
                "This invitation link is not valid. It may be incomplete, or a newer invitation replaced it: use the "
                        + "link in the newest email, or ask the person who invited you to send a new one.");
        guest.get(base + "/invite.xhtml?account=not-an-id&token=%3Cscript%3E");
        assertThat(guest.findElement(By.id("invite-problem-text")).getText()).startsWith("This invitation link is not valid.");

        assertThat(execute("update invitations set expires_at = now() - interval '1 minute' where lower(email) = lower(?)",
                email)).isPositive();
        guest.get(second);
        assertThat(guest.findElement(By.id("invite-problem-text")).getText()).isEqualTo(
                "This invitation has expired: invitations work for 7 days. Ask Olivia Owner to send you a new one.");
        assertThat(guest.findElements(By.id("signup-form"))).isEmpty();
        Browser.screenshot(guest, "invitation-expired");
        owner.get(base + "/app/team.xhtml");
        assertThat(pendingRow(owner, email).getText()).contains("expired");

        // sent again: a fresh link that works; signed in as someone else, it says whose it is
        pendingRow(owner, email).findElement(By.xpath(".//button[.//span[text()='Resend']]")).click();
        wait(owner, ExpectedConditions.textToBePresentInElementLocated(By.id("pending-form:pending-messages"),
                "We sent the invitation to " + email + " again"));
        String third = linkIn(mail.awaitMessageTo(email, 2, MAIL_WAIT));
        guest.get(second);
        assertThat(guest.findElement(By.id("invite-problem-text")).getText()).startsWith("This invitation link is not valid.");
        guest.get(third);
        assertThat(guest.findElements(By.id("signup-form:join"))).hasSize(1);
        owner.get(third);
        assertThat(owner.findElement(By.id("other-user")).getText()).isEqualTo("This invitation is for " + email
                + ", but you are signed in as " + OWNER + ". Sign out, then sign in or sign up here as " + email + ".");

        owner.get(base + "/app/team.xhtml");
        pendingRow(owner, email).findElement(By.xpath(".//button[.//span[text()='Revoke']]")).click();
        wait(owner, ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait(owner, ExpectedConditions.textToBePresentInElementLocated(By.id("pending-form:pending-messages"),
                "The invitation to " + email + " was revoked; its link no longer works."));
        assertThat(owner.findElement(By.id("pending-form:pending")).getText()).doesNotContain(email);
        guest.get(third);
        assertThat(guest.findElement(By.id("invite-problem-text")).getText()).isEqualTo("This invitation was revoked. "
                + "If you still need to join Northwind Events, ask Olivia Owner for a new one.");
        assertThat(count("select count(*) from audit_log where after->>'email' = ? and action = 'invitation.resent'",
                email)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where before->>'email' = ? and action = 'invitation.revoked'",
                email)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where after->>'email' = ? and action = 'member.invited'",
                email)).as("invited, then invited again").isEqualTo(2);
    }

    @Test
    void anAddressThatIsAlreadyAMemberIsExplainedNextToTheFieldAndNothingIsLost() {
        ChromeDriver owner = ownerOnTheTeamPage();
        invite(owner, "not-an-address", "manager", null);
        assertThat(emailMessage(owner)).isEqualTo("Enter an email address like name@example.com.");

        WebElement field = owner.findElement(By.id("invite-form:email"));
        field.clear();
        field.sendKeys("Viewer@Demo.eventos.test");
        owner.findElement(By.id("invite-form:send")).click();
        wait(owner, ExpectedConditions.textToBePresentInElementLocated(By.id("invite-form:email-message"),
                "already a member"));
        assertThat(emailMessage(owner)).isEqualTo("Viewer@Demo.eventos.test is already a member of this account.");
        assertThat(owner.findElement(By.id("invite-form:email")).getAttribute("value"))
                .isEqualTo("Viewer@Demo.eventos.test");
        assertThat(owner.findElement(By.id("invite-form:role_label")).getText()).isEqualTo("manager");
        assertThat(owner.findElement(By.id("pending-form:pending")).getText())
                .doesNotContainIgnoringCase("viewer@demo.eventos.test");
        Browser.screenshot(owner, "invitation-already-member");
    }

    /** Fills the invite form (role from the menu, optionally one event) and sends it; waits for the answer. */
    private void invite(ChromeDriver browser, String email, String role, String event) {
        WebElement field = browser.findElement(By.id("invite-form:email"));
        field.clear();
        field.sendKeys(email);
        Browser.chooseFromMenu(browser, "invite-form:role", role);
        if (event != null) {
            Browser.tickInCheckboxMenu(browser, "invite-form:events", event);
        }
        WebElement send = browser.findElement(By.id("invite-form:send"));
        send.click();
        wait(browser, ExpectedConditions.stalenessOf(send)); // the form was re-rendered with the answer
    }

    private String inviteMessages(ChromeDriver browser) {
        return browser.findElement(By.id("invite-form:invite-messages")).getText().strip();
    }

    private String emailMessage(ChromeDriver browser) {
        return browser.findElement(By.id("invite-form:email-message")).getText();
    }

    private WebElement pendingRow(ChromeDriver browser, String email) {
        return browser.findElement(By.xpath("//tbody[@id='pending-form:pending_data']/tr[td[text()='" + email + "']]"));
    }

    /** The owner's browser, signed in (not through the sign-in page: not the subject here) on the team page. */
    private ChromeDriver ownerOnTheTeamPage() {
        ChromeDriver browser = anotherBrowser();
        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/team.xhtml");
        return browser;
    }

    private static String currentAccount(ChromeDriver browser) {
        return browser.findElement(By.id("current-account")).getText().strip();
    }

    private static <T> T wait(ChromeDriver browser, ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20), Browser.POLL).until(condition);
    }

    /** The one number {@code sql} counts (a {@code select count(*)}), as superuser. */
    private static long count(String sql, String... parameters) {
        return Long.parseLong(query(sql, (Object[]) parameters).get(0));
    }

    private static String linkIn(MimeMessage message) {
        Matcher link = LINK.matcher(TestMail.text(message));
        assertThat(link.find()).as("an invitation link in the email").isTrue();
        return link.group(1);
    }
}
