package io.eventos.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backs the 500 page: logs the failure once under a short error id and shows only that id, so support can find
 * the stack trace in the log while the user never sees it.
 */
@Named
@RequestScoped
public class ErrorPage {

    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private String errorId;

    @PostConstruct
    void logFailure() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        errorId = HexFormat.of().formatHex(bytes).toUpperCase();
        var request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        Object failure = request.get(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.get(RequestDispatcher.ERROR_REQUEST_URI);
        LOG.log(Level.SEVERE, "Error " + errorId + " on " + uri,
                failure instanceof Throwable throwable ? throwable : null);
    }

    public String getErrorId() {
        return errorId;
    }
}
