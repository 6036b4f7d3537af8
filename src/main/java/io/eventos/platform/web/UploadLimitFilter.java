package io.eventos.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * Refuses an upload larger than the Faces servlet's multipart limit (web.xml) before anything reads it, with 413
 * and a page that says so: otherwise the container's parser would fail inside the page and show the error page.
 * Files up to that limit reach the services, which refuse anything over their own (smaller) limit next to the field.
 */
@WebFilter(filterName = "uploadLimit") // mapped in web.xml (/app/*)
public class UploadLimitFilter extends HttpFilter {

    /** Matches {@code max-request-size} of the Faces servlet's {@code multipart-config}. */
    static final long MAX_REQUEST_BYTES = 22_020_096;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            response.sendError(413);
            return;
        }
        chain.doFilter(request, response);
    }
}
