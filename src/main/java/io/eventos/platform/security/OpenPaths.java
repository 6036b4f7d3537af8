package io.eventos.platform.security;

import java.util.List;

/**
 * The addresses that never use the signed-in user, so that Jakarta Security is not asked who the caller is when
 * one of them is requested ({@link OpenPathsAuthentication}; why: docs/architecture/web-layer.md, "Public paths
 * skip the sign-in bridge"). The one list of them; short on purpose. A path not listed here goes through Jakarta
 * Security as before, and a request the container says needs a signed-in user (web.xml's security constraint)
 * always does, whatever its path.
 * <ul>
 *   <li>{@code /e/}: the public site ({@code PublicSiteFilter}; every context's {@code PublicRoutes} lie under it):
 *   the organizer's and the events' pages, calendar files, and the buyer's ticket choice, checkout, order page, PDF
 *   and "find my order". Their account comes from the address, a buyer is known by the hold's or the order's token,
 *   and none of them reads the signed-in user (there is no organizer preview: a draft or private event is 404).</li>
 *   <li>{@code /media/}: uploaded images ({@code MediaServlet}), public by their random id.</li>
 * </ul>
 * Not listed because they read the signed-in user: {@code /app/} (organizer pages), {@code /checkin/} (staff or a
 * kiosk device), the sign-in, sign-up, invitation and email confirmation pages, the home page. Not listed because
 * nobody measured a need: Faces resources ({@code /jakarta.faces.resource/}). On a listed path a signed-in
 * organizer is, for that request only, a visitor like any other: the session keeps its sign-in for the next page.
 */
public final class OpenPaths {

    /** Paths (below the context path) starting with one of these are open. */
    static final List<String> PREFIXES = List.of("/e/", "/media/");

    private OpenPaths() {
    }

    /**
     * Whether {@code path}, below the context path and as the container mapped it (servlet path plus path info:
     * decoded and normalized), is open. A path that still holds a dot segment, a backslash or a path parameter is
     * not: no address of the public site has one, and the container's mapping of such a path is not ours to guess.
     */
    public static boolean isOpen(String path) {
        if (path == null || path.contains("/.") || path.indexOf('\\') >= 0 || path.indexOf(';') >= 0) {
            return false;
        }
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
