package io.eventos.account.web.organizer;

import io.eventos.platform.web.ContextViews;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The account context's views as the platform needs to know them: the settings take the organizer's logo. */
@ApplicationScoped
public class AccountViews implements ContextViews {

    @Override
    public Set<String> uploadViews() {
        return Set.of("/app/settings.xhtml");
    }
}
