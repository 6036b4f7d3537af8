package io.eventos.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

/**
 * The "not found" page always answers 404, also when it stands for a refused access (AccessDeniedException is
 * mapped to it in web.xml): someone probing another account's ids learns nothing, not even that the thing exists.
 */
@Named
@RequestScoped
public class NotFoundStatus {

    public void apply() {
        Faces.setResponseStatus(404);
    }
}
