package io.eventos.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

import java.util.List;

/**
 * Read-only pages for anonymous visitors are stateless (transient) views: no server-side view state and, above
 * all, no HTTP session per visitor. It has to be decided when the view is created: PrimeFaces' CSP support stores
 * its nonce in the view map before the page's own {@code <f:view transient>} is read, and a view map on a
 * non-transient view opens a session. Pages with forms stay stateful, so their view state doubles as a CSRF token.
 */
public class StatelessViews extends ViewHandlerWrapper {

    private static final List<String> STATELESS = List.of(
            "/index.xhtml", "/public/", "/WEB-INF/errorpages/", "/checkin/index.xhtml", "/dev/");

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        if (view != null && isStateless(viewId)) {
            view.setTransient(true);
        }
        return view;
    }

    static boolean isStateless(String viewId) {
        return viewId != null && STATELESS.stream().anyMatch(viewId::startsWith);
    }
}
