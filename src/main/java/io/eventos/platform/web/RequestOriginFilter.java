package io.eventos.platform.web;

import io.eventos.platform.tenancy.RequestOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Remembers the client address ({@link ClientAddress}: the connection's peer unless it is a trusted proxy) and browser
 * of the request for the audit log ("from where") and the sign-in throttle. Mapped in web.xml.
 */
@WebFilter(filterName = "requestOrigin")
public class RequestOriginFilter extends HttpFilter {

    private static final int MAX_USER_AGENT = 300;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        RequestOrigin.bind(new RequestOrigin(ClientAddress.of(request), userAgent));
        try {
            chain.doFilter(request, response);
        } finally {
            RequestOrigin.clear();
        }
    }
}
