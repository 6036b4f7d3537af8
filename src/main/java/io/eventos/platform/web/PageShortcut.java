package io.eventos.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A public view that can be answered from what is kept, without the Faces lifecycle: {@link PublicSiteFilter}
 * asks the view's shortcut first and forwards to the view only when it declines. A shortcut answers exactly as the
 * view would for a page whose kept rendering is current (same body, same headers, the view counted the same way);
 * anything else — a page to render, a 404 — is left to the view.
 */
public interface PageShortcut {

    /** The view path this shortcut stands in for, e.g. {@code /public/event.xhtml}. */
    String view();

    /** Answers the request (the tenant is bound) and returns true, or returns false having written nothing. */
    boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /**
     * Told after the view was rendered afresh for {@code request} and answered 200 with {@code page} (as kept: UTF-8
     * HTML and its gzip): a shortcut may keep it beyond this server's memory. Must not throw or block the response.
     */
    default void rendered(HttpServletRequest request, RenderedPages.Rendering page) {
    }
}
