package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PageViews;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.PageShortcut;
import io.eventos.platform.web.PublicSiteFilter;
import io.eventos.platform.web.RenderedPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /e/{account}/{event}} answered without Faces when the page's kept rendering is current: the cached data's
 * entity tag names a kept rendering (or the visitor's own copy, 304). Counts the view and sets the headers exactly
 * as {@link PublicEventPage} does when it renders, so either way the visitor and the funnel see the same.
 */
@ApplicationScoped
public class EventPageShortcut implements PageShortcut {

    @Inject
    PublicPageCache cache;
    @Inject
    PageViews pageViews;
    @Inject
    RenderedPages renderedPages;

    @Override
    public String view() {
        return "/public/event.xhtml";
    }

    @Override
    public boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventPageModel model = model(request);
        if (model == null || !renderedPages.serveKept(request, response, model.etag())) {
            return false;
        }
        visited(model, request, response);
        return true;
    }

    /** The page's data (cached), or null when the URL names no public event of the bound account. */
    EventPageModel model(HttpServletRequest request) {
        String slug = (String) request.getAttribute(PublicSiteFilter.EVENT_SLUG);
        return slug == null ? null : cache.event(slug, BaseUrl.forPage(request), request.getContextPath());
    }

    /** What every answer of the page does: the view counted, robots told about an unlisted event. */
    void visited(EventPageModel model, HttpServletRequest request, HttpServletResponse response) {
        Visits.count(pageViews, request, model.organizer().id(), model.event().id(), PageViews.PAGE_VIEW);
        if (model.isNoIndex()) {
            response.setHeader("X-Robots-Tag", "noindex");
        }
    }
}
