package io.eventos.account.service;

import io.eventos.account.service.WeeklySummaryUnsubscribe.Status;
import io.eventos.analytics.service.WeeklySummaryMail;
import io.eventos.platform.crypto.LinkSigner;
import io.eventos.platform.mail.ConfiguredMailer;
import io.eventos.platform.mail.DevOutbox;
import io.eventos.platform.mail.MailMessage;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.Poll;
import io.eventos.ticketing.service.EventOnSaleIT;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly summary's unsubscribe link through the job and the service, in the container against the real
 * PostgreSQL: the email the job writes carries the member's signed link (text, HTML and List-Unsubscribe, all from
 * the configured address); opening it changes nothing; a changed link or one signed with another key turns nothing
 * off; using it turns the email off (audited as the member's change by the link), and the next week's summary is not
 * sent to them; turning the email on again revokes the old link. The HTTP side (page, one-click POST, headers as
 * delivered over SMTP, rate limit) is {@code io.eventos.account.web.publicsite.WeeklySummaryUnsubscribeIT}.
 */
public class WeeklySummaryOptOutIT extends EventOnSaleIT {

    private static final Pattern PAGE_LINK = Pattern.compile(Pattern.quote(BASE + WeeklySummaryMail.UNSUBSCRIBE_PAGE)
            + "\\?t=([A-Za-z0-9_-]+)");
    private static final String ADDRESS = "192.0.2.77";

    @Inject
    WeeklySummarySettings settings;
    @Inject
    WeeklySummaries job;
    @Inject
    WeeklySummaryUnsubscribe unsubscribe;
    @Inject
    WeeklySummaryFixtures weekly;
    @Inject
    ConfiguredMailer mailer;

    @Test
    void theLinkInTheEmailTurnsItOffAndTheNextWeekIsNotSent() throws Exception {
        ZoneId zone = ZoneId.of("UTC");
        asOwner(() -> settings.change(true));
        LocalDate week = WeeklySummaryMail.weekOf(LocalDate.now(zone)).plusWeeks(1);
        assertEquals(1, job.sendFor(account, week, week.atTime(LocalTime.of(8, 30)).atZone(zone).toInstant(), BASE));
        MailMessage mail = awaitMail(owner + "@test.eventos.test");

        Matcher link = PAGE_LINK.matcher(mail.text());
        assertTrue(link.find(), "the unsubscribe page's link in the text, from the configured address: " + mail.text());
        String token = link.group(1);
        assertEquals(BASE + WeeklySummaryMail.UNSUBSCRIBE_POST + "?t=" + token, mail.listUnsubscribe(),
                "the one-click address of List-Unsubscribe names the same link");
        assertTrue(mail.html().contains("href=\"" + BASE + WeeklySummaryMail.UNSUBSCRIBE_PAGE + "?t=" + token + "\""),
                "the HTML part links it too");

        // opening the link (as a mail scanner would) changes nothing
        WeeklySummaryUnsubscribe.View view = unsubscribe.look(token, ADDRESS);
        assertEquals(Status.ON, view.status());
        assertEquals(owner + "@test.eventos.test", view.email());
        assertTrue(asOwner(settings::isOn), "still on after opening the link");

        // a changed link, and one signed with another key, turn nothing off
        String changed = token.substring(0, 30) + (token.charAt(30) == 'A' ? 'B' : 'A') + token.substring(31);
        assertEquals(Status.INVALID, unsubscribe.unsubscribe(changed, ADDRESS).status());
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        byte[] signed = java.util.Base64.getUrlDecoder().decode(token); // the payload, then a 16-byte tag
        String foreign = new LinkSigner(otherKey).sign("weekly-summary-unsubscribe",
                java.util.Arrays.copyOf(signed, signed.length - 16));
        assertEquals(Status.INVALID, unsubscribe.unsubscribe(foreign, ADDRESS).status());
        assertEquals(Status.INVALID, unsubscribe.unsubscribe("", ADDRESS).status());
        assertTrue(asOwner(settings::isOn), "still on after the bad links");

        // the link itself turns it off, once, audited as the member's change by the link
        assertEquals(Status.OFF, unsubscribe.unsubscribe(token, ADDRESS).status());
        assertEquals(false, asOwner(settings::isOn));
        assertEquals(Status.OFF, unsubscribe.unsubscribe(token, ADDRESS).status(), "again: still off, nothing more");
        List<String> changes = asOwner(() -> weekly.summaryChanges(owner));
        assertEquals(2, changes.size(), "on (settings), off (link): " + changes);
        assertTrue(changes.get(changes.size() - 1).startsWith(owner + " ")
                && changes.get(changes.size() - 1).contains("unsubscribe link"), changes.toString());

        // the next week: nothing for them
        int before = as(() -> fixtures.outbox(WeeklySummaryWriter.TOPIC)).size();
        LocalDate next = week.plusWeeks(1);
        assertEquals(0, job.sendFor(account, next, next.atTime(LocalTime.of(8, 30)).atZone(zone).toInstant(), BASE));
        assertEquals(before, as(() -> fixtures.outbox(WeeklySummaryWriter.TOPIC)).size(), "no email written");

        // turned on again in the settings: the old link is revoked
        asOwner(() -> settings.change(true));
        assertEquals(Status.INVALID, unsubscribe.look(token, ADDRESS).status());
        assertEquals(Status.INVALID, unsubscribe.unsubscribe(token, ADDRESS).status());
        assertTrue(asOwner(settings::isOn), "the revoked link turned nothing off");
    }

    private <T> T asOwner(Supplier<T> call) {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(owner)) {
            return call.get();
        }
    }

    private void asOwner(Runnable call) {
        asOwner(() -> {
            call.run();
            return null;
        });
    }

    private MailMessage awaitMail(String address) throws InterruptedException {
        DevOutbox box = mailer.devOutbox().orElseThrow();
        return Poll.until("a weekly summary to " + address, Duration.ofSeconds(30), Duration.ofMillis(200), () -> {
            List<MailMessage> mails = box.list().stream().map(DevOutbox.Mail::message)
                    .filter(m -> m.to().equals(address) && m.subject().contains("your week")).toList();
            return mails.isEmpty() ? null : mails.get(mails.size() - 1);
        });
    }
}
