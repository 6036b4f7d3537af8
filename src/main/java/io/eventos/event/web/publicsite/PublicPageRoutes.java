package io.eventos.event.web.publicsite;

import io.eventos.platform.web.PublicRoute;
import io.eventos.platform.web.PublicRoutes;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The event context's public addresses ({@link io.eventos.platform.web.PublicSiteFilter} serves them): the
 * organizer's page {@code /e/{account}}, an event's page {@code /e/{account}/{event}}, and the calendar files
 * {@code /e/{account}/{event}.ics} and {@code /e/{account}/{event}/sessions/{session id}.ics}. The pages are the same
 * for every visitor (kept and answered by {@link OrganizerPageShortcut} / {@link EventPageShortcut}).
 */
@ApplicationScoped
public class PublicPageRoutes implements PublicRoutes {

    /** Request attribute with the event slug of {@code /e/{account}/{event}} (and of its calendar files). */
    public static final String EVENT_SLUG = "eventos.eventSlug";
    /** Request attribute with the session id (a String) of {@code /e/{account}/{event}/sessions/{id}.ics}. */
    public static final String SESSION_ID = "eventos.sessionId";

    static final String ACCOUNT_VIEW = "/public/account.xhtml";
    static final String EVENT_VIEW = "/public/event.xhtml";
    /** Where calendar files are forwarded to ({@link EventCalendarServlet}; 404 when asked for directly). */
    static final String CALENDAR_PATH = "/public/calendar";

    private static final String EVENT = "/([a-z0-9-]{1,120})";
    private static final String UUID = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

    @Override
    public List<PublicRoute> routes() {
        return List.of(
                PublicRoute.of("", ACCOUNT_VIEW, PublicRoute.Kind.SHARED_PAGE),
                PublicRoute.of(EVENT, EVENT_VIEW, PublicRoute.Kind.SHARED_PAGE, EVENT_SLUG),
                PublicRoute.of(EVENT + "(?:\\.ics|/sessions/" + UUID + "\\.ics)", CALENDAR_PATH,
                        PublicRoute.Kind.SHARED_FILE, EVENT_SLUG, SESSION_ID));
    }
}
