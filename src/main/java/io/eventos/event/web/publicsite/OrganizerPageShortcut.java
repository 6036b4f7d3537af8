package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PageViews;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.PageShortcut;
import io.eventos.platform.web.RenderedPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code /e/{account}} answered without Faces when its kept rendering is current (see {@link EventPageShortcut}). */
@ApplicationScoped
public class OrganizerPageShortcut implements PageShortcut {

    @Inject
    PublicPageCache cache;
    @Inject
    PageViews pageViews;
    @Inject
    RenderedPages renderedPages;

    @Override
    public String view() {
        return PublicPageRoutes.ACCOUNT_VIEW;
    }

    @Override
    public boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OrganizerPageModel model = model(request);
        if (!renderedPages.serveKept(request, response, model.etag())) {
            return false;
        }
        visited(model, request);
        return true;
    }

    OrganizerPageModel model(HttpServletRequest request) {
        return cache.organizer(BaseUrl.forPage(request), request.getContextPath());
    }

    void visited(OrganizerPageModel model, HttpServletRequest request) {
        Visits.count(pageViews, request, model.organizer().id(), null, PageViews.PAGE_VIEW);
    }
}
