package io.eventos.event.web.publicsite;

import io.eventos.event.service.PublicContentChanged;
import io.eventos.event.service.PublicEventService;
import io.eventos.platform.cache.ExpiringCache;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The public pages' data, shared by every visitor: the page models of {@code /e/{account}/{event}} and
 * {@code /e/{account}}, kept for {@link #TTL}. They hold only what the public pages show anyway (no personal or
 * organizer-only data), keyed by the account the URL resolved to and bound, so one account's entry can never
 * answer another's URL. An account's entries are dropped as soon as a write to something its pages show commits
 * ({@link PublicContentChanged}); the time to live bounds what that cannot see: seats sold meanwhile, sales windows
 * opening, an event ending, rows changed with plain SQL. Misses ("no such event") are not cached.
 */
@ApplicationScoped
public class PublicPageCache {

    static final Duration TTL = Duration.ofSeconds(15);

    /** What the HTML also depends on besides the data: this deployment (templates change with it). */
    static final String DEPLOYMENT = Long.toString(System.currentTimeMillis(), 36);

    record EventKey(UUID accountId, String slug, String baseUrl, String contextPath) {
    }

    record OrganizerKey(UUID accountId, String baseUrl, String contextPath) {
    }

    private final ExpiringCache<EventKey, EventPageModel> events = new ExpiringCache<>(TTL, 5_000);
    private final ExpiringCache<OrganizerKey, OrganizerPageModel> organizers = new ExpiringCache<>(TTL, 2_000);

    @Inject
    PublicEventService service;

    Clock clock = Clock.systemUTC();

    /** The event page of the bound account, or null when there is no such public event. */
    public EventPageModel event(String slug, String baseUrl, String contextPath) {
        UUID account = CurrentTenant.require();
        return events.get(new EventKey(account, slug, baseUrl, contextPath), key -> service.findEventDetails(slug)
                .map(details -> EventPageModels.build(details, baseUrl, contextPath, clock.instant(), DEPLOYMENT))
                .orElse(null));
    }

    /** The organizer page of the bound account. */
    public OrganizerPageModel organizer(String baseUrl, String contextPath) {
        UUID account = CurrentTenant.require();
        return organizers.get(new OrganizerKey(account, baseUrl, contextPath),
                key -> OrganizerPageModels.build(service.organizer(), baseUrl, contextPath, DEPLOYMENT));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicContentChanged change) {
        events.invalidateIf(key -> key.accountId().equals(change.accountId()));
        organizers.invalidateIf(key -> key.accountId().equals(change.accountId()));
    }

    Instant now() {
        return clock.instant();
    }
}
