package io.eventos.account.service;

import io.eventos.analytics.service.Change;
import io.eventos.analytics.service.DashboardFixtures;
import io.eventos.analytics.service.WeeklySummaryMail;
import io.eventos.checkin.service.CheckInFixtures;
import io.eventos.checkin.service.DoorService;
import io.eventos.checkin.service.ScanRequest;
import io.eventos.platform.mail.ConfiguredMailer;
import io.eventos.platform.mail.DevOutbox;
import io.eventos.platform.mail.MailMessage;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.text.MoneyText;
import io.eventos.testing.Poll;
import io.eventos.ticketing.service.EventOnSaleIT;
import io.eventos.ticketing.service.OrderDetail;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.PlacedOrder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly summary job, called directly with a chosen "now" (the Monday after this week, 08:30 in the account's
 * time zone, far from UTC): exactly the owners and admins who turned it on get exactly one email each, with the
 * figures computed here from the orders, refunds and check-ins of the test; running it again, on this server or two
 * at once, sends nothing more. In the container against the real PostgreSQL; the emails are read from the outbox's
 * table and, once delivered, from the development mailbox (no SMTP server in the container).
 */
public class WeeklySummaryIT extends EventOnSaleIT {

    private static final String ZONE = "Pacific/Auckland";

    @Inject
    OrderService orders;
    @Inject
    DashboardFixtures direct;
    @Inject
    WeeklySummaryFixtures weekly;
    @Inject
    DoorService door;
    @Inject
    CheckInFixtures checkIns;
    @Inject
    WeeklySummarySettings settings;
    @Inject
    WeeklySummaries job;
    @Inject
    ConfiguredMailer mailer;

    private UUID regular;
    private UUID vip;

    @BeforeEach
    void ticketTypesOnSale() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 100, null);
            vip = fixtures.ticketType(event, "VIP", 9000, 10, null);
            direct.timeZone(ZONE);
        }
    }

    @Test
    void theOwnersAndAdminsWhoAskedGetOneEmailEachWithTheWeeksFigures() throws Exception {
        ZoneId zone = ZoneId.of(ZONE);
        UUID adminOn = member("admin");
        UUID adminOff = member("admin");
        UUID manager = member("manager");
        UUID viewer = member("viewer");
        asUser(owner, () -> settings.change(true));
        asUser(adminOn, () -> settings.change(true));
        assertTrue(asUser(adminOn, settings::isOn), "saved");
        assertEquals(false, asUser(adminOff, settings::isOn), "off unless turned on");
        assertThrows(AccessDeniedException.class, () -> asUser(manager, () -> settings.change(true)));
        assertThrows(AccessDeniedException.class, () -> asUser(viewer, () -> settings.change(true)));
        try (var t = CurrentTenant.bind(account)) { // e.g. turned on while they were admins: the job checks the role
            weekly.weeklySummaryFlag(manager, true);
            weekly.weeklySummaryFlag(viewer, true);
        }

        // this week: three paid orders (one partly refunded), a pending one, two check-ins; a week back: one order
        PlacedOrder first = buy(Map.of(regular, 2), "test_card");
        buy(Map.of(regular, 1, vip, 1), "test_card");
        PlacedOrder earlier = buy(Map.of(vip, 1, regular, 1), "test_card");
        buy(Map.of(regular, 4), "offline"); // pending: not revenue
        OrderDetail detail = as(() -> orders.detail(first.orderId()));
        as(() -> orders.refund(first.orderId(), Set.of(detail.attendees().get(0).id()), BASE));
        PlacedOrder scanned = buy(Map.of(regular, 3), "test_card");
        as(() -> {
            direct.startNow(event);
            return null;
        });
        List<String> codes = as(() -> checkIns.codes(scanned.orderId()));
        UUID list = as(() -> checkIns.defaultList(event));
        for (String code : codes.subList(0, 2)) {
            as(() -> door.scan(event, list, ScanRequest.of(code, UUID.randomUUID().toString(), false, "Main")));
        }
        try (var t = CurrentTenant.bind(account)) {
            weekly.moveEventAhead(event);
            weekly.moveOrderAWeekBack(earlier.orderId());
            weekly.forgetRollups();
        }

        LocalDate week = WeeklySummaryMail.weekOf(LocalDate.now(zone)).plusWeeks(1); // the Monday after today
        Instant now = week.atTime(LocalTime.of(8, 30)).atZone(zone).toInstant();
        Instant from = week.minusDays(7).atStartOfDay(zone).toInstant();
        Instant to = week.atStartOfDay(zone).toInstant();
        Instant fromBefore = week.minusDays(14).atStartOfDay(zone).toInstant();
        Map<String, Long> thisWeek = as(() -> direct.figures(from, to));
        Map<String, Long> weekBefore = as(() -> direct.figures(fromBefore, from));
        long admitted = as(() -> weekly.admitted(from, to));
        long admittedBefore = as(() -> weekly.admitted(fromBefore, from));
        assertTrue(thisWeek.get("orders") > 0 && thisWeek.get("refunds") > 0 && weekBefore.get("orders") > 0
                && admitted > 0, "the test sold, refunded and admitted something, and sold the week before");

        WeeklySummaries.Round round = job.runAt(week.atTime(LocalTime.of(7, 59)).atZone(zone).toInstant(), BASE);
        assertEquals(-1, as(() -> weekly.recipients(week)), "not before Monday 08:00 in the account's zone");

        round = job.runAt(now, BASE);
        assertTrue(round.emails() >= 2, "this account's two emails among the round's " + round);
        assertEquals(2, as(() -> weekly.recipients(week)));
        assertEquals(2, as(() -> fixtures.outbox(WeeklySummaryWriter.TOPIC)).size(), "one email each");

        String ownerEmail = owner + "@test.eventos.test";
        String adminEmail = adminOn + "@test.eventos.test";
        MailMessage toOwner = awaitMail(ownerEmail);
        MailMessage toAdmin = awaitMail(adminEmail);
        String period = WeeklySummaryMail.periodText(new io.eventos.analytics.service.Period(week.minusDays(7),
                week.minusDays(1)));
        assertTrue(toOwner.subject().endsWith("your week, " + period), toOwner.subject());
        List<String> expected = List.of(
                line("Revenue EUR", money(thisWeek.get("revenue")), money(weekBefore.get("revenue")),
                        new Change(thisWeek.get("revenue"), weekBefore.get("revenue"))),
                line("Refunds EUR", money(thisWeek.get("refunds")), money(weekBefore.get("refunds")),
                        new Change(thisWeek.get("refunds"), weekBefore.get("refunds"))),
                count("Orders paid", thisWeek.get("orders"), weekBefore.get("orders")),
                count("Tickets sold", thisWeek.get("tickets"), weekBefore.get("tickets")),
                count("Check-ins", admitted, admittedBefore));
        for (MailMessage mail : List.of(toOwner, toAdmin)) {
            List<String> shown = mail.text().lines().filter(l -> expected.stream()
                    .anyMatch(e -> l.startsWith(e.substring(0, e.indexOf(':') + 1)))).toList();
            assertEquals(expected, shown, "the figures of the email to " + mail.to());
            assertTrue(mail.text().contains(BASE + "/app/?from=" + week.minusDays(7) + "&to=" + week.minusDays(1)),
                    "a link into the dashboard for these days, from the configured address");
            assertTrue(mail.text().contains(BASE + "/app/event-dashboard.xhtml?event=" + event), "the event's dashboard");
            long valid = as(() -> direct.validTickets(event));
            assertTrue(mail.text().contains(valid + " of 110 tickets sold"), "sales against capacity: " + mail.text());
            assertTrue(mail.text().contains(BASE + WeeklySummaryMail.SETTING_PATH), "the way to turn it off");
            assertTrue(mail.html() != null && mail.html().contains("href=\"" + BASE + WeeklySummaryMail.SETTING_PATH
                    + "\""), "the HTML part has the links too");
            assertTrue(mail.html().contains("<td>" + money(thisWeek.get("revenue")) + "</td>"), mail.html());
        }

        // again, on this server and as two servers at once: nothing more
        job.runAt(now, BASE);
        job.runAt(now.plusSeconds(3600), BASE);
        assertEquals(-1, job.sendFor(account, week, now, BASE), "the week is claimed in the database");
        LocalDate next = week.plusWeeks(1);
        Instant nextNow = next.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> servers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            servers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return job.sendFor(account, next, nextNow, BASE);
            }));
        }
        go.countDown();
        List<Integer> outcomes = new ArrayList<>();
        for (CompletableFuture<Integer> server : servers) {
            outcomes.add(server.get());
        }
        outcomes.sort(null);
        assertEquals(List.of(-1, 2), outcomes, "two at once: one sends, the other finds the week taken");
        assertEquals(4, as(() -> fixtures.outbox(WeeklySummaryWriter.TOPIC)).size(),
                "two weeks, two emails each, nothing twice");
        awaitMails(ownerEmail, 2);
        awaitDelivered(WeeklySummaryWriter.TOPIC); // every row sent and settled: nothing more is on its way
        assertEquals(2, mailsTo(ownerEmail).size());
        assertEquals(2, mailsTo(adminEmail).size());
        for (UUID nobody : List.of(adminOff, manager, viewer)) {
            assertEquals(List.of(), mailsTo(nobody + "@test.eventos.test"), "no email to " + nobody);
        }
    }

    @Test
    void turningItOffStopsTheNextWeek() {
        ZoneId zone = ZoneId.of(ZONE);
        asUser(owner, () -> settings.change(true));
        asUser(owner, () -> settings.change(false));
        LocalDate week = WeeklySummaryMail.weekOf(LocalDate.now(zone)).plusWeeks(1);
        assertEquals(0, job.sendFor(account, week, week.atTime(LocalTime.of(8, 5)).atZone(zone).toInstant(), BASE));
        assertEquals(List.of(), as(() -> fixtures.outbox(WeeklySummaryWriter.TOPIC)));
        assertEquals(0, as(() -> weekly.recipients(week)), "the week is handled, for nobody");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String line(String label, String now, String before, Change change) {
        return new WeeklySummaryMail.Line(label, now, before, change.label()).text();
    }

    private static String count(String label, long now, long before) {
        return line(label, String.valueOf(now), String.valueOf(before), new Change(now, before));
    }

    private static String money(long minor) {
        return MoneyText.format(minor, "EUR");
    }

    private UUID member(String role) {
        try (var t = CurrentTenant.bind(account)) {
            return members.addMember(UUID.randomUUID(), role, null);
        }
    }

    private <T> T asUser(UUID user, Supplier<T> call) {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(user)) {
            return call.get();
        }
    }

    private void asUser(UUID user, Runnable call) {
        asUser(user, () -> {
            call.run();
            return null;
        });
    }

    private List<MailMessage> mailsTo(String address) {
        DevOutbox box = mailer.devOutbox().orElseThrow();
        return box.list().stream().map(DevOutbox.Mail::message).filter(m -> m.to().equals(address))
                .filter(m -> m.subject().contains("your week")).toList();
    }

    private MailMessage awaitMail(String address) throws InterruptedException {
        return awaitMails(address, 1).get(0);
    }

    /** Waits until every outbox row of {@code topic} is done (delivered, then settled: the mail is in the box). */
    private void awaitDelivered(String topic) throws InterruptedException {
        Poll.until("every " + topic + " delivered", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> as(() -> fixtures.outbox(topic)).stream().allMatch(row -> row.split("\\|")[1].equals("done")));
    }

    private List<MailMessage> awaitMails(String address, int count) throws InterruptedException {
        return Poll.until(count + " weekly summaries to " + address, Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> {
                    List<MailMessage> mails = mailsTo(address);
                    return mails.size() >= count ? mails : null;
                });
    }
}
