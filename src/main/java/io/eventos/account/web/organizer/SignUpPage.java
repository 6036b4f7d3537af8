package io.eventos.account.web.organizer;

import io.eventos.account.service.SessionGenerations;
import io.eventos.account.service.SignUpException;
import io.eventos.account.service.SignUpException.Field;
import io.eventos.account.service.SignUpService;
import io.eventos.account.service.SignUpService.SignUpForm;
import io.eventos.platform.web.BaseUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /signup.xhtml}: a new user with their organization's account. Each problem is one sentence next to its
 * field and everything typed except the password stays; a taken email offers to sign in or reset the password.
 * On success the user is signed in (as on the login page) and lands on the new account's dashboard.
 */
@Named
@RequestScoped
public class SignUpPage {

    static final String FORM = "signup-form";

    @Inject
    SessionGenerations generations;
    @Inject
    SignUpService signUps;
    @Inject
    SecurityContext security;
    @Inject
    FacesContext faces;

    private String name;
    private String email;
    private String password;
    private String organization;
    private boolean emailTaken;

    public void signUp() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        SignUpService.Created created;
        try {
            created = signUps.signUp(new SignUpForm(name, email, password, organization), BaseUrl.of(request));
        } catch (SignUpException e) {
            emailTaken = e.emailTaken();
            for (Map.Entry<Field, String> problem : e.problems().entrySet()) {
                if (problem.getKey() == Field.EMAIL && emailTaken) {
                    continue; // shown with its links next to the field (signup.xhtml)
                }
                Messages.addError(FORM + ":" + fieldId(problem.getKey()), problem.getValue());
            }
            faces.validationFailed();
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(email.strip(), new Password(password)))
                .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                request.changeSessionId();
                SignedInSessionFilter.beginNow(request, generations);
                Faces.redirect(request.getContextPath() + "/app/");
            }
            default -> {
                // created, but the sign-in step did not complete (e.g. throttled): the login page takes over
                Messages.addFlashGlobalInfo("Your account " + created.accountSlug() + " is ready. Sign in to start.");
                Faces.redirect(request.getContextPath() + "/login.xhtml");
            }
        }
    }

    private static String fieldId(Field field) {
        return switch (field) {
            case NAME -> "name";
            case EMAIL -> "email";
            case PASSWORD -> "password";
            case ORGANIZATION -> "organization";
        };
    }

    public boolean isEmailTaken() {
        return emailTaken;
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
