package io.eventos.account.web.organizer;

import io.eventos.account.service.Membership;
import io.eventos.media.service.MediaPaths;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The current account's logo for the organizer header (from the memberships the request read: no query of its own). */
@Named
@RequestScoped
public class AccountLogo {

    @Inject
    OrganizerSession session;

    private String url;

    @PostConstruct
    void load() {
        Membership current = session.getCurrent();
        if (current != null) {
            url = MediaPaths.of(current.accountSlug(), current.logoMediaId());
        }
    }

    /** The logo's path relative to the context root, or null when the account has none. */
    public String getUrl() {
        return url;
    }
}
