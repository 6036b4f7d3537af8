package io.eventos.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Security headers on every response. Faces pages also get PrimeFaces' nonce-based script policy
 * ({@code primefaces.CSP_POLICY} in web.xml); browsers enforce both policies, so this one only adds the directives
 * that must hold for every response, including static files and downloads.
 */
@WebFilter(filterName = "securityHeaders") // mapped in web.xml, which fixes the order of the filters
public class SecurityHeadersFilter extends HttpFilter {

    static final String BASE_POLICY =
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", BASE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "geolocation=(), microphone=(), payment=(), camera=(self)");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (ClientAddress.isHttps(request)) { // HSTS only where the browser came over HTTPS
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
