package io.eventos.account.web.organizer;

import io.eventos.account.service.LoginThrottle;
import io.eventos.account.service.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;

/** {@code /login.xhtml}: email and password, then back to the page that asked for sign-in (or the dashboard). */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext security;
    @Inject
    FacesContext faces;
    @Inject
    UserDirectory users;

    @NotBlank(message = "Enter your email address.")
    private String email;
    @NotBlank(message = "Enter your password.")
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String address = request.getRemoteAddr();
        if (refusedForNow(address)) {
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(email == null ? "" : email.trim(), new Password(password)))
                .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                request.changeSessionId();
                Faces.redirect(request.getContextPath() + "/app/");
            }
            default -> {
                var wait = users.waitBeforeSignIn(email, address);
                if (wait.isPresent() && wait.get().toSeconds() > 10) {
                    refusedForNow(address); // this failure locked the account or the address
                } else {
                    Messages.addError("login-form:password", "That email and password do not match an account. "
                            + "Check both and try again" + (wait.isPresent() ? " in a few seconds." : "."));
                }
            }
        }
    }

    /** Too many failures for this email or this address: say how long to wait, in plain words. */
    private boolean refusedForNow(String address) {
        var wait = users.waitBeforeSignIn(email, address);
        wait.ifPresent(duration -> Messages.addError("login-form:password", "Too many failed sign-ins. For your "
                + "safety, signing in is paused; try again " + LoginThrottle.inWords(duration) + "."));
        return wait.isPresent();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
