package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PageViews;
import io.eventos.analytics.service.Robots;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.UUID;

/**
 * Counts a public page view for the funnel: GET requests of people's browsers only (not robots, not prefetches).
 * Only the account, the event, the day, the referring site's host name and the link's UTM tags are kept ({@link PageViews}).
 */
final class Visits {

    private Visits() {
    }

    static void count(PageViews views, HttpServletRequest request, UUID accountId, UUID eventId, String metric) {
        if (!"GET".equals(request.getMethod()) || isPrefetch(request)
                || Robots.isRobot(request.getHeader("User-Agent"))) {
            return;
        }
        views.record(accountId, eventId, metric, request.getHeader("Referer"), request.getServerName(),
                request.getParameter("utm_source"), request.getParameter("utm_medium"),
                request.getParameter("utm_campaign"));
    }

    private static boolean isPrefetch(HttpServletRequest request) {
        String purpose = request.getHeader("Sec-Purpose");
        if (purpose == null) {
            purpose = request.getHeader("Purpose");
        }
        return purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch");
    }
}
