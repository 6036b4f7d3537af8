package io.eventos.account.service;

import io.eventos.analytics.service.WeeklySummaryMail;
import io.eventos.platform.mail.ScheduledMailLinks;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The weekly summary job (docs/architecture.md, "The weekly summary"): every {@link #EVERY_SECONDS} seconds a
 * container thread looks at each active account; once the account's Monday {@link #SEND_AT} (in its time zone) has
 * come, its summary of the 7 days before that Monday is sent ({@link WeeklySummaryWriter}, one transaction per
 * account, the account bound). However many servers run this, a week of an account is sent once: the writer claims
 * it by a unique key in the same transaction as the emails. A server that was down on Monday sends the week's
 * summary when it is up again, within the same week. Without EVENTOS_BASE_URL nothing is sent (the emails' links
 * need the public address; no request is there to name one), and the log says so.
 */
@ApplicationScoped
public class WeeklySummaries {

    public static final long EVERY_SECONDS = 300;
    /** Overrides {@link #EVERY_SECONDS} (EVENTOS_WEEKLY_SUMMARY_EVERY_SECONDS; the test server runs it every few seconds). */
    static final String EVERY_SETTING = "eventos.weekly-summary.every-seconds";
    public static final LocalTime SEND_AT = LocalTime.of(8, 0);

    private static final Logger LOG = Logger.getLogger(WeeklySummaries.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    WeeklySummaryAccounts accounts;
    @Inject
    WeeklySummaryWriter writer;

    Clock clock = Clock.systemUTC();

    /** The week each account was last handled in on this server, so that a round does not ask again. */
    private final Map<UUID, LocalDate> handled = new ConcurrentHashMap<>();
    private volatile boolean warnedNoAddress;
    private ScheduledFuture<?> running;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        long every = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(EVERY_SETTING, Long.class).filter(s -> s > 0).orElse(EVERY_SECONDS);
        running = scheduler.scheduleWithFixedDelay(this::roundQuietly, Math.min(60, every), every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (running != null) {
            running.cancel(false);
        }
    }

    /** What one round did: accounts whose week was due, of those the ones sent now, and the emails written. */
    public record Round(int due, int sent, int emails) {
    }

    /**
     * One round as of {@code now}: every active account whose Monday {@link #SEND_AT} of the week of {@code now}
     * has come and whose week was not handled yet. Links in the emails start with {@code baseUrl}.
     */
    public Round runAt(Instant now, String baseUrl) {
        int due = 0, sent = 0, emails = 0;
        for (WeeklySummaryAccounts.AccountZone account : accounts.active()) {
            LocalDate week = dueWeek(now, account.zone());
            if (week == null || week.equals(handled.get(account.id()))) {
                continue;
            }
            due++;
            int written = sendFor(account.id(), week, now, baseUrl);
            if (written >= 0) {
                sent++;
                emails += written;
            }
        }
        return new Round(due, sent, emails);
    }

    /**
     * Sends one account's summary for the week starting on the Monday {@code week} unless it was sent; returns the
     * emails written, -1 when the week had been claimed already (here or on another server), -2 on a failure
     * (logged; the next round tries again).
     */
    public int sendFor(UUID account, LocalDate week, Instant now, String baseUrl) {
        try (var tenant = CurrentTenant.bind(account)) {
            int written = writer.send(week, now, baseUrl);
            handled.put(account, week);
            return written;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The weekly summary of account " + account + " for the week of " + week
                    + " failed; the next round tries again", e);
            return -2;
        }
    }

    /** The Monday of the week of {@code now} in {@code zone} once its {@link #SEND_AT} has come, else null. */
    static LocalDate dueWeek(Instant now, ZoneId zone) {
        LocalDate week = WeeklySummaryMail.weekOf(LocalDate.ofInstant(now, zone));
        return now.isBefore(week.atTime(SEND_AT).atZone(zone).toInstant()) ? null : week;
    }

    private void roundQuietly() {
        try {
            String baseUrl = ScheduledMailLinks.baseUrl().orElse(null);
            if (baseUrl == null) {
                if (!warnedNoAddress) {
                    warnedNoAddress = true;
                    LOG.warning("Weekly summary emails are not sent: EVENTOS_BASE_URL is not set, and their links "
                            + "need the public address (e.g. https://events.example.com).");
                }
                return;
            }
            Round round = runAt(clock.instant(), baseUrl);
            if (round.sent() > 0) {
                LOG.info("Weekly summaries: " + round.sent() + " accounts, " + round.emails() + " emails");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The weekly summary round failed", e);
        }
    }
}
