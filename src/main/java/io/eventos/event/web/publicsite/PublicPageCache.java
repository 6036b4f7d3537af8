package io.eventos.event.web.publicsite;

import io.eventos.event.service.PublicContentChanged;
import io.eventos.event.service.PublicEventService;
import io.eventos.event.service.PublicPageStore;
import io.eventos.platform.cache.ExpiringCache;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public pages' data, shared by every visitor: the page models of {@code /e/{account}/{event}} and
 * {@code /e/{account}}, kept for {@link #TTL}. They hold only what the public pages show anyway (no personal or
 * organizer-only data), keyed by the account the URL resolved to and bound, so one account's entry can never
 * answer another's URL. An account's entries are dropped as soon as a write to something its pages show commits
 * ({@link PublicContentChanged}); the time to live bounds what that cannot see: seats sold meanwhile, sales windows
 * opening, an event ending, rows changed with plain SQL. Misses ("no such event") are not cached. Data that
 * expired less than {@link #STALE_FOR} ago is answered once more while it is read again in the background, so a
 * popular page's visitors never wait for its refresh; invalidated data is never answered.
 */
@ApplicationScoped
public class PublicPageCache {

    static final Duration TTL = Duration.ofSeconds(15);

    /** What the HTML also depends on besides the data: this build (templates and code change with it). */
    static final String DEPLOYMENT = io.eventos.platform.web.BuildIdentity.id();

    record EventKey(UUID accountId, String slug, String baseUrl, String contextPath) {
    }

    record OrganizerKey(UUID accountId, String baseUrl, String contextPath) {
    }

    /** How long after expiry a page's data is still answered while it is read again in the background. */
    static final Duration STALE_FOR = Duration.ofSeconds(60);
    /**
     * Overrides {@link #STALE_FOR} in seconds (EVENTOS_PUBLIC_PAGE_STALE_SECONDS) for event and organizer pages. The
     * test server sets 0, so that a page's data leaves memory 15 s after it was read and the page's rendering kept in
     * the database is seen answering, and no page's data is read again in the background while a test counts the
     * statements of another (PublicPageQueriesIT).
     */
    static final String STALE_SETTING = "eventos.public-page.stale-seconds";

    private final ExpiringCache<EventKey, EventPageModel> events = new ExpiringCache<>(TTL, staleFor(), 5_000);
    /** Event pages asked for without their data held here ({@link #askedWithoutData}). */
    private final ExpiringCache<EventKey, AtomicInteger> asked = new ExpiringCache<>(TTL, 20_000);
    /**
     * How many visits within {@link #TTL} make a page worth holding in memory again: 10 in 15 s is a page shared
     * right now, which is back in memory within seconds; under traffic spread over thousands of pages almost no page
     * reaches it, so their data is not read for visitors that the kept rendering answers with one statement less
     * (with 3, about 8 % of pages were read again at 540 req/s over 10,000 pages: docs/benchmarks.md, run 6).
     */
    static final int POPULAR_AFTER = 10;
    private final ExpiringCache<OrganizerKey, OrganizerPageModel> organizers =
            new ExpiringCache<>(TTL, staleFor(), 2_000);

    @Inject
    PublicEventService service;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService background;

    Clock clock = Clock.systemUTC();

    /** The event page of the bound account, or null when there is no such public event. */
    public EventPageModel event(String slug, String baseUrl, String contextPath) {
        return events.getOrRefresh(eventKey(slug, baseUrl, contextPath), this::readEvent, background);
    }

    /** The event page's data if this server holds it fresh, else null (nothing is read). */
    public EventPageModel eventIfFresh(String slug, String baseUrl, String contextPath) {
        return events.getIfPresent(eventKey(slug, baseUrl, contextPath));
    }

    /**
     * Reads an event page's data in the background once it has been asked for {@link #POPULAR_AFTER} times within
     * {@link #TTL} without being held here (answered from its kept rendering in the database): a page that is
     * popular again after a restart, or after it left this server's memory, goes back to being answered from memory.
     * True when that read was started (the caller may then keep the page's HTML in memory for the data to find).
     */
    public boolean askedWithoutData(String slug, String baseUrl, String contextPath) {
        EventKey key = eventKey(slug, baseUrl, contextPath);
        if (asked.get(key, k -> new AtomicInteger()).incrementAndGet() != POPULAR_AFTER) {
            return false;
        }
        try {
            background.execute(() -> events.get(key, this::readEvent));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false; // the next visitors ask again
        }
    }

    private EventKey eventKey(String slug, String baseUrl, String contextPath) {
        return new EventKey(CurrentTenant.require(), slug, baseUrl, contextPath);
    }

    private EventPageModel readEvent(EventKey key) {
        try (var tenant = CurrentTenant.bind(key.accountId())) {
            return service.findEventDetails(key.slug())
                    .map(details -> EventPageModels.build(details, key.baseUrl(), key.contextPath(), clock.instant(),
                            DEPLOYMENT))
                    .orElse(null);
        }
    }

    /**
     * Forgets this server's data of an event page (also the data it would answer stale while reading it again): the
     * caller knows it is outdated ({@link PublicPageStore.Freshness#OUTDATED}).
     */
    public void forgetEvent(String slug, String baseUrl, String contextPath) {
        events.invalidate(new EventKey(CurrentTenant.require(), slug, baseUrl, contextPath));
    }

    /**
     * What a kept rendering of a page depends on besides its data: this build, and the address its links use.
     * Short, stable across restarts of one build.
     */
    static String variant(String baseUrl, String contextPath) {
        return EventPageModels.hash(DEPLOYMENT + "|" + baseUrl + "|" + contextPath);
    }

    /** The organizer page of the bound account. */
    public OrganizerPageModel organizer(String baseUrl, String contextPath) {
        UUID account = CurrentTenant.require();
        return organizers.getOrRefresh(new OrganizerKey(account, baseUrl, contextPath), key -> {
            try (var tenant = CurrentTenant.bind(key.accountId())) {
                return OrganizerPageModels.build(service.organizer(), baseUrl, contextPath, DEPLOYMENT);
            }
        }, background);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
        events.invalidateIf(key -> key.accountId().equals(change.accountId()));
        organizers.invalidateIf(key -> key.accountId().equals(change.accountId()));
    }

    private static Duration staleFor() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(STALE_SETTING, Long.class).map(Duration::ofSeconds).orElse(STALE_FOR);
    }

    Instant now() {
        return clock.instant();
    }
}
