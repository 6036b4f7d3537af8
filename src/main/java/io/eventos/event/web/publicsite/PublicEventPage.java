package io.eventos.event.web.publicsite;

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
 * gets 304, a visitor without one the HTML kept from the last rendering ({@link RenderedPages}) — usually answered
 * before Faces is reached at all ({@link EventPageShortcut}).
 */
@Named
@RequestScoped
public class PublicEventPage {

    @Inject
    EventPageShortcut page;
    @Inject
    RenderedPages renderedPages;

    private EventPageModel model;

    /** View action: finds the page's data, counts the view, answers 304 or 404 where due. */
    public void load() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        model = page.model(request);
        if (model == null) {
            Faces.responseSendError(404, "No such event");
            return;
        }
        HttpServletResponse response = Faces.getResponse();
        request.setAttribute(EventPageShortcut.RENDERED_MODEL, model);
        page.visited(model, request, response);
        if (renderedPages.serve(request, response, model.etag())) {
            Faces.responseComplete(); // 304, or the page as rendered before for the same content
        }
    }

    public EventPageModel getModel() {
        return model;
    }
}
