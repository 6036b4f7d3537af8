package io.eventos.account.web.organizer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;

/** View action for pages a role may not open at all: they are "not found" for that member. */
@Named
@RequestScoped
public class OrganizerAccess {

    @Inject
    OrganizerSession session;

    public void require(String permission) throws IOException {
        if (!session.can(permission)) {
            Faces.responseSendError(404, "Not found");
        }
    }
}
