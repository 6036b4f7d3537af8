package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PageViews;
import io.eventos.event.service.PublicEvent;
import io.eventos.platform.text.ICalendar;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.ConditionalGet;
import io.eventos.platform.web.PublicSiteFilter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /e/{account}/{event}.ics} and {@code /e/{account}/{event}/sessions/{id}.ics} (forwarded here by
 * {@link PublicSiteFilter}, with the account bound): the calendar file of a public event or of one of its
 * sessions, from the same cached data as the page. Unknown, private or draft events and unknown sessions are 404.
 */
@WebServlet(PublicPageRoutes.CALENDAR_PATH)
public class EventCalendarServlet extends HttpServlet {

    @Inject
    PublicPageCache cache;
    @Inject
    PageViews pageViews;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = (String) request.getAttribute(PublicPageRoutes.EVENT_SLUG);
        EventPageModel model = slug == null ? null
                : cache.event(slug, BaseUrl.forPage(request), request.getContextPath());
        if (model == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String sessionId = (String) request.getAttribute(PublicPageRoutes.SESSION_ID);
        String body;
        String fileName;
        if (sessionId == null) {
            body = EventCalendars.event(model);
            fileName = model.event().slug() + ".ics";
        } else {
            PublicEvent.AgendaItem item = model.event().agenda().stream()
                    .filter(s -> s.id().toString().equals(sessionId) && !"BREAK".equals(s.kind()))
                    .findFirst().orElse(null);
            if (item == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            body = EventCalendars.session(model, item);
            fileName = model.event().slug() + "-" + sessionId.substring(0, 8) + ".ics";
        }
        Visits.count(pageViews, request, model.organizer().id(), model.event().id(), PageViews.CALENDAR_DOWNLOAD);
        if (model.isNoIndex()) {
            response.setHeader("X-Robots-Tag", "noindex");
        }
        String etag = "W/\"" + EventPageModels.hash(model.etag() + "|" + sessionId) + "\"";
        if (ConditionalGet.notModified(request, response, etag)) {
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(ICalendar.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
