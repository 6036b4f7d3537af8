package io.eventos.account.web.organizer;

import io.eventos.account.service.PasswordResetService;
import io.eventos.platform.limits.TooManyAttemptsException;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;

/**
 * {@code /forgot-password.xhtml}: asks for a reset link. The answer is the same sentence whether or not the address
 * is registered (and whether or not that address already got its limit of reset emails this hour), so the page
 * cannot be used to find out who has an account. Too many requests from one client get "Too many attempts".
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

    public static final String SENT = "If an account exists for that address, we sent a link to reset the password. "
            + "It works for one hour.";

    @Inject
    PasswordResetService resets;

    private String email;

    public void send() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        try {
            resets.request(email, BaseUrl.of(request), ClientAddress.of(request));
        } catch (TooManyAttemptsException e) {
            Messages.addGlobalError(e.getMessage()); // the address stays in the field
            return;
        }
        Messages.addFlashGlobalInfo(SENT);
        Faces.redirect(request.getContextPath() + "/forgot-password.xhtml");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
