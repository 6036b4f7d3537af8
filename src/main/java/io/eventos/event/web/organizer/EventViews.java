package io.eventos.event.web.organizer;

import io.eventos.platform.web.ContextViews;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The event context's views as the platform needs to know them: images of events and speakers, the public pages. */
@ApplicationScoped
public class EventViews implements ContextViews {

    @Override
    public Set<String> uploadViews() {
        return Set.of("/app/event.xhtml", "/app/speaker.xhtml");
    }

    @Override
    public Set<String> statelessViews() {
        return Set.of("/public/"); // the organizer and event pages behind /e/... (PublicPageRoutes)
    }
}
