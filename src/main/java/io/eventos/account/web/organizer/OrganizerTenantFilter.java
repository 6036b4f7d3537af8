package io.eventos.account.web.organizer;

import io.eventos.account.service.Membership;
import io.eventos.account.service.TeamService;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.RequestMemo;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.UUID;

/**
 * Organizer pages ({@code /app/**}) and check-in ({@code /checkin/**}) work in the signed-in user's current account:
 * this filter binds it (and the user) as the tenant for the whole request. The container has already required a
 * signed-in user (web.xml); a user without any account gets a plain explanation instead of someone else's data.
 */
@WebFilter(filterName = "organizerTenant") // mapped in web.xml (/app/*), after the security headers
public class OrganizerTenantFilter extends HttpFilter {

    @Inject
    OrganizerSession session;
    @Inject
    TeamService team;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        try (var memo = RequestMemo.open()) {
            filterSignedIn(request, response, chain, UUID.fromString(principal.getName()));
        }
    }

    private void filterSignedIn(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                UUID userId) throws IOException, ServletException {
        session.refreshFor(userId);
        Membership membership = session.currentMembership().orElse(null);
        if (membership == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (membership.requiresTwoFactor() && !session.isTwoFactorOn() && !isSecurityPage(request)) {
            response.sendRedirect(request.getContextPath() + "/app/security.xhtml");
            return;
        }
        try (var tenant = CurrentTenant.bind(membership.accountId()); var user = CurrentTenant.bindUser(userId)) {
            if (session.activityDue(membership.accountId())) {
                team.markActive();
            }
            chain.doFilter(request, response);
        }
    }

    /** Where a member without two-factor authentication may still go when their account requires it. */
    private static boolean isSecurityPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/app/security.xhtml");
    }
}
