package io.eventos.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import org.omnifaces.util.Faces;

import java.util.logging.Logger;

/**
 * Backs the page shown when an email with a link cannot be sent because this server has no trusted public address
 * ({@link NoBaseUrlException}, mapped in web.xml): answers 503, tells the user that nothing was sent, and writes the
 * one sentence that tells the operator what to set into the log (no stack trace: it is a setting, not a bug).
 */
@Named
@RequestScoped
public class LinksUnavailablePage {

    private static final Logger LOG = Logger.getLogger(LinksUnavailablePage.class.getName());

    /** On first use by the page (as ErrorPage does: a view action would not run when the failed request was a POST). */
    @PostConstruct
    void apply() {
        Faces.setResponseStatus(503);
        Object failure = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_EXCEPTION);
        LOG.warning(failure instanceof Throwable throwable ? rootMessage(throwable)
                : "EventOS did not send an email with a link: it has no public address (EVENTOS_BASE_URL).");
    }

    /** The page's heading (referenced first, so the status and the log line come before anything is written). */
    public String getTitle() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getApplication().getResourceBundle(context, "msg").getString("error.links.title");
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof NoBaseUrlException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
