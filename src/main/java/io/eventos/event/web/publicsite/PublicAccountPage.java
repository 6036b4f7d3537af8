package io.eventos.event.web.publicsite;

import io.eventos.platform.web.RenderedPages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;

import java.io.IOException;

/** {@code /e/{account}}: the organizer's page with their upcoming public events (cached like the event page). */
@Named
@RequestScoped
public class PublicAccountPage {

    @Inject
    OrganizerPageShortcut page;
    @Inject
    RenderedPages renderedPages;

    private OrganizerPageModel model;

    public void load() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        model = page.model(request);
        page.visited(model, request);
        if (renderedPages.serve(request, Faces.getResponse(), model.etag())) {
            Faces.responseComplete();
        }
    }

    public OrganizerPageModel getModel() {
        return model;
    }
}
