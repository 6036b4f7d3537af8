package io.eventos.account.web.organizer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import jakarta.servlet.ServletException;
import java.io.IOException;

/** Signs out (POST only, from the organizer header) and ends the session. */
@Named
@RequestScoped
public class LogoutAction {

    public void logout() throws ServletException, IOException {
        Faces.logout();
        Faces.invalidateSession();
        Faces.redirect(Faces.getRequestContextPath() + "/");
    }
}
