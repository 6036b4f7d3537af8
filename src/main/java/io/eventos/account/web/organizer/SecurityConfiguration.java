package io.eventos.account.web.organizer;

import io.eventos.account.service.UserIdentityStore;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Sign-in for organizers and staff: our own login page (/login.xhtml) in front of Jakarta Security. Asking for a
 * page under /app while signed out shows the login page and returns to that page afterwards.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles(UserIdentityStore.SIGNED_IN)
@ApplicationScoped
public class SecurityConfiguration {
}
