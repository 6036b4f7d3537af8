package io.eventos.crm.web.organizer;

import io.eventos.platform.web.ContextViews;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The CRM's views as the platform needs to know them: the contact import takes a CSV file. */
@ApplicationScoped
public class CrmViews implements ContextViews {

    @Override
    public Set<String> uploadViews() {
        return Set.of("/app/contacts-import.xhtml");
    }
}
