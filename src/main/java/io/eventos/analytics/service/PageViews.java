package io.eventos.analytics.service;

import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Counts views of the public pages without slowing them down: a view is one increment of an in-memory counter
 * (per account, event, metric, UTC day and referrer host); every {@link #FLUSH_SECONDS} seconds a container thread
 * adds the counters to the {@code analytics} table (granularity {@code day}) as upserts, all accounts in one
 * transaction, each account bound for its one statement ({@link AnalyticsWriter#addAll}); account by account, then
 * counter by counter, when that fails. No address, browser or cookie is looked at or stored; robots are not counted
 * ({@link Robots}). Counts not yet written when the server is killed are lost (at most a few seconds' worth); a
 * normal stop writes them.
 */
@ApplicationScoped
public class PageViews {

    /** Metric of a public page view (the event page, or the organizer page with no event). */
    public static final String PAGE_VIEW = "page_view";
    /** Metric of a downloaded calendar file (the event's or one of its sessions'). */
    public static final String CALENDAR_DOWNLOAD = "calendar_download";

    static final long FLUSH_SECONDS = 5;
    /** Above this many distinct counters waiting, new ones lose their referrer (a flood of fake referrers). */
    static final int MAX_PENDING = 50_000;

    private static final Logger LOG = Logger.getLogger(PageViews.class.getName());
    private static final Pattern HOST = Pattern.compile("^[a-z0-9.-]{1,100}$");
    private static final Pattern UTM = Pattern.compile("^[a-z0-9][a-z0-9._+-]{0,39}$");

    private final ConcurrentHashMap<PageView, Long> pending = new ConcurrentHashMap<>();

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    AnalyticsWriter writer;

    Clock clock = Clock.systemUTC();
    private ScheduledFuture<?> flushing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
        flushQuietly();
    }

    /**
     * Counts one view. {@code referer} is the Referer header as sent (only its host is kept, and only when it is
     * another site than {@code ownHost}).
     */
    public void record(UUID accountId, UUID eventId, String metric, String referer, String ownHost) {
        record(accountId, eventId, metric, referer, ownHost, null, null, null);
    }

    /**
     * Counts one view that came by a link tagged with UTM parameters (as typed in the address; each kept only if it
     * is a short word: lower-case letters, digits, {@code . _ + -}, at most 40).
     */
    public void record(UUID accountId, UUID eventId, String metric, String referer, String ownHost,
                       String utmSource, String utmMedium, String utmCampaign) {
        boolean room = pending.size() < MAX_PENDING;
        String referrerHost = room ? referrerHost(referer, ownHost) : null;
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS);
        pending.merge(new PageView(accountId, eventId, metric, day, referrerHost, room ? utm(utmSource) : null,
                room ? utm(utmMedium) : null, room ? utm(utmCampaign) : null), 1L, Long::sum);
    }

    /** A UTM value as kept: trimmed, lower-case, a short word; null for none or anything else. */
    static String utm(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        return UTM.matcher(v).matches() ? v : null;
    }

    /** The host of another site that linked here, lower-case; null for none, this site, or anything odd. */
    static String referrerHost(String referer, String ownHost) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(referer.trim()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String own = ownHost == null ? "" : ownHost.toLowerCase(Locale.ROOT);
            if (own.startsWith("www.")) {
                own = own.substring(4);
            }
            return host.equals(own) || !HOST.matcher(host).matches() ? null : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes the waiting counters now (the scheduler calls it; tests and shutdown too). */
    public void flush() {
        Map<UUID, Map<PageView, Long>> byAccount = new HashMap<>();
        for (PageView key : pending.keySet()) {
            Long count = pending.remove(key); // atomic: a view counted after this starts a new counter
            if (count != null) {
                byAccount.computeIfAbsent(key.accountId(), a -> new HashMap<>()).put(key, count);
            }
        }
        if (byAccount.isEmpty()) {
            return;
        }
        try {
            writer.addAll(byAccount); // one transaction for all accounts
            return;
        } catch (RuntimeException e) {
            // e.g. an event deleted meanwhile fails the whole batch: write account by account, then one by one
            LOG.log(Level.FINE, "Page view counters failed as one batch; writing them account by account", e);
        }
        byAccount.forEach((account, counts) -> {
            try (var tenant = CurrentTenant.bind(account)) {
                writer.add(counts);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Page view counters of an account failed as a batch; writing them singly", e);
                counts.forEach((view, count) -> {
                    try (var tenant = CurrentTenant.bind(account)) {
                        writer.add(Map.of(view, count));
                    } catch (RuntimeException single) {
                        LOG.log(Level.WARNING, "Dropped " + count + " page view(s) that could not be written: "
                                + single);
                    }
                });
            }
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Writing page view counters failed", e);
        }
    }

    /** Counters waiting to be written (for tests). */
    List<PageView> waiting() {
        return List.copyOf(pending.keySet());
    }
}
