package io.eventos.account.web.organizer;

import io.eventos.account.service.SessionGenerations;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Ends a signed-in session whose user's sessions were ended meanwhile (password reset or changed elsewhere, member
 * removed, user disabled: {@link SessionGenerations}). Every sign-in stamps its session with the user's session
 * generation ({@link #begin}); on every request of a signed-in user this filter compares the stamp with the user's
 * current generation. A session without a stamp, or with an old one, is signed out and invalidated at once: organizer
 * and check-in pages then send the browser to the sign-in page (an AJAX request gets a Faces redirect), which says
 * why; other pages go on as for anyone signed out. Mapped in web.xml for every request, before the filters that bind
 * the tenant.
 */
@WebFilter(filterName = "signedInSession")
public class SignedInSessionFilter extends HttpFilter {

    /** The session attribute holding the generation the session was signed in under. */
    static final String GENERATION = "io.eventos.sessionGeneration";
    /** The sign-in page's parameter that makes it say why the user was signed out. */
    static final String ENDED_PARAMETER = "ended";

    private static final Logger LOG = Logger.getLogger(SignedInSessionFilter.class.getName());

    @Inject
    SessionGenerations generations;

    /** Called by every page that signs someone in, once Jakarta Security said SUCCESS (and the id changed). */
    static void begin(HttpServletRequest request, long generation) {
        request.getSession().setAttribute(GENERATION, generation);
    }

    /**
     * As {@link #begin}, with the user's generation as it is now: for pages that sign in a user whose password they
     * have just set (sign-up, joining by invitation).
     */
    static void beginNow(HttpServletRequest request, SessionGenerations generations) {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            generations.current(UUID.fromString(principal.getName())).ifPresent(g -> begin(request, g));
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal == null || isCurrent(principal, request.getSession(false))) {
            chain.doFilter(request, response);
            return;
        }
        LOG.fine(() -> "A session of user " + principal.getName() + " had ended; signed out.");
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // another request of the same session got here first
            }
        }
        if (needsSignIn(request)) {
            toSignIn(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isCurrent(Principal principal, HttpSession session) {
        Object stamp = session == null ? null : session.getAttribute(GENERATION);
        if (!(stamp instanceof Long generation)) {
            return false; // signed in without a stamp: fail closed
        }
        try {
            return generations.isCurrent(UUID.fromString(principal.getName()), generation);
        } catch (IllegalArgumentException notAUserId) {
            return false;
        }
    }

    private static boolean needsSignIn(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/app") || path.startsWith("/app/") || path.equals("/checkin") || path.startsWith("/checkin/");
    }

    /** To the sign-in page, coming back to this page afterwards if it was a plain GET. */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = request.getContextPath() + "/login.xhtml?" + ENDED_PARAMETER + "=1";
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            target += "&next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                    + "\"></redirect></partial-response>");
            return;
        }
        response.sendRedirect(target);
    }
}
