package io.eventos.account.web.organizer;

import io.eventos.account.service.SignUpException;
import io.eventos.account.service.SignUpException.Field;
import io.eventos.account.service.SignUpService;
import io.eventos.account.service.SignUpService.SignUpForm;
import io.eventos.platform.limits.TooManyAttemptsException;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /signup.xhtml}: a new user with their organization's account. Each problem is one sentence next to its
 * field and everything typed except the password stays. A form that passes the checks always gets the same answer,
 * whether the email is new (the account is created and a confirmation link mailed) or already has a user (nothing
 * is created; the mail tells that user someone tried): the sign-in page, with "we sent an email to ..." and the
 * address filled in. So the form cannot be used to find out who has an account. Too many sign-ups from one address
 * get "Too many attempts — try again in N minutes", with everything typed kept.
 */
@Named
@RequestScoped
public class SignUpPage {

    static final String FORM = "signup-form";
    public static final String CHECK_YOUR_EMAIL = "Thank you. We sent an email to %s: open the link in it to "
            + "confirm your address. Then sign in with your new password.";

    @Inject
    SignUpService signUps;
    @Inject
    FacesContext faces;

    private String name;
    private String email;
    private String password;
    private String organization;

    public void signUp() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            signUps.signUp(new SignUpForm(name, email, password, organization), BaseUrl.of(request),
                    ClientAddress.of(request));
        } catch (SignUpException e) {
            for (Map.Entry<Field, String> problem : e.problems().entrySet()) {
                Messages.addError(FORM + ":" + fieldId(problem.getKey()), problem.getValue());
            }
            faces.validationFailed();
            return;
        } catch (TooManyAttemptsException e) {
            Messages.addGlobalError(e.getMessage());
            faces.validationFailed();
            return;
        }
        String typed = email.strip();
        Messages.addFlashGlobalInfo(CHECK_YOUR_EMAIL.formatted(typed));
        Faces.getFlash().put(LoginPage.EMAIL_FROM_SIGN_UP, typed);
        Faces.redirect(request.getContextPath() + "/login.xhtml");
    }

    private static String fieldId(Field field) {
        return switch (field) {
            case NAME -> "name";
            case EMAIL -> "email";
            case PASSWORD -> "password";
            case ORGANIZATION -> "organization";
        };
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }
}
