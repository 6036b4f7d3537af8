package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PageViews;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.PublicSiteFilter;
import io.eventos.platform.web.RenderedPages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.omnifaces.util.Faces;

import java.io.IOException;

/**
 * {@code /e/{account}/{event}}: the public page of one event. The page's data comes from {@link PublicPageCache}
 * (no database work while it is fresh); the view is rendered only when its content changed: a current copy
 * gets 304, a visitor without one the HTML kept from the last rendering ({@link RenderedPages}).
 */
@Named
@RequestScoped
public class PublicEventPage {

    @Inject
    PublicPageCache cache;
    @Inject
    PageViews pageViews;
    @Inject
    RenderedPages renderedPages;

    private EventPageModel model;

    /** View action: finds the page's data, counts the view, answers 304 or 404 where due. */
    public void load() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        String slug = (String) request.getAttribute(PublicSiteFilter.EVENT_SLUG);
        model = slug == null ? null : cache.event(slug, BaseUrl.of(request), request.getContextPath());
        if (model == null) {
            Faces.responseSendError(404, "No such event");
            return;
        }
        Visits.count(pageViews, request, model.organizer().id(), model.event().id(), PageViews.PAGE_VIEW);
        HttpServletResponse response = Faces.getResponse();
        if (model.isNoIndex()) {
            response.setHeader("X-Robots-Tag", "noindex");
        }
        if (renderedPages.serve(request, response, model.etag())) {
            Faces.responseComplete(); // 304, or the page as rendered before for the same content
        }
    }

    public EventPageModel getModel() {
        return model;
    }
}
