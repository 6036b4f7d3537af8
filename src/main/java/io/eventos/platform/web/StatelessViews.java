package io.eventos.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.CDI;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only pages for anonymous visitors are stateless (transient) views: no server-side view state and, above
 * all, no HTTP session per visitor. It has to be decided when the view is created: PrimeFaces' CSP support stores
 * its nonce in the view map before the page's own {@code <f:view transient>} is read, and a view map on a
 * non-transient view opens a session. Pages with forms stay stateful, so their view state doubles as a CSRF token.
 */
public class StatelessViews extends ViewHandlerWrapper {

    /** The platform's own: the landing page, the error pages, the development mail box. */
    static final List<String> PLATFORM = List.of("/index.xhtml", "/WEB-INF/errorpages/", "/dev/");

    /** These and the contexts' ({@link ContextViews#statelessViews}), gathered at the first view. */
    private volatile List<String> stateless;

    public StatelessViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot view = super.createView(context, viewId);
        if (view != null && isStateless(stateless(), viewId)) {
            view.setTransient(true);
        }
        return view;
    }

    private List<String> stateless() {
        List<String> known = stateless;
        if (known == null) {
            known = withContexts(CDI.current().select(ContextViews.class, Any.Literal.INSTANCE));
            stateless = known;
        }
        return known;
    }

    /** The platform's stateless views and those the contexts name. */
    static List<String> withContexts(Iterable<? extends ContextViews> contexts) {
        List<String> all = new ArrayList<>(PLATFORM);
        contexts.forEach(context -> all.addAll(context.statelessViews()));
        return List.copyOf(all);
    }

    static boolean isStateless(List<String> stateless, String viewId) {
        return viewId != null && stateless.stream().anyMatch(viewId::startsWith);
    }
}
