package io.eventos.checkin.web.kiosk;

import io.eventos.platform.web.ContextViews;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Check-in's views as the platform needs to know them: the kiosk's start page, read before any sign-in. */
@ApplicationScoped
public class KioskViews implements ContextViews {

    @Override
    public Set<String> statelessViews() {
        return Set.of("/checkin/index.xhtml");
    }
}
