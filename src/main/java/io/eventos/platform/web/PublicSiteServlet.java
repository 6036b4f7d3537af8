package io.eventos.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Maps {@code /e/*} to a servlet of its own. {@link PublicSiteFilter} answers every request under it (a page, a
 * forward to a view, or 404), so this servlet is never reached with a request the filter let through; it is here
 * because without a mapping the container's mapper looks for a file of that name in the WAR on every public request
 * before falling back to the default servlet (a JNDI look-up and a search of the archive: 4 % of the CPU of a stored
 * event page in a JFR profile, docs/benchmarks.md "Public pages under load", run 11).
 */
@WebServlet(urlPatterns = "/e/*", loadOnStartup = 1)
public class PublicSiteServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
