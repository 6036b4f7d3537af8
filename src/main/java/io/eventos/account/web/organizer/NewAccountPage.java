package io.eventos.account.web.organizer;

import io.eventos.account.service.SignUpException;
import io.eventos.account.service.SignUpService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;

/**
 * {@code /app/accounts/new.xhtml}: another account (organization) for the signed-in user, who becomes its owner and
 * works in it right away.
 */
@Named
@RequestScoped
public class NewAccountPage {

    @Inject
    SignUpService signUps;
    @Inject
    OrganizerSession session;

    private String organization;

    public void create() throws IOException {
        SignUpService.Created created;
        try {
            created = signUps.createAccount(session.getUser().id(), organization);
        } catch (SignUpException e) {
            e.problems().values().forEach(p -> Messages.addError("new-account-form:organization", p));
            Faces.validationFailed();
            return;
        }
        session.selectNext(created.accountId());
        Messages.addFlashGlobalInfo("Your new account " + organization.strip() + " is ready.");
        Faces.redirect(Faces.getRequestContextPath() + "/app/");
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }
}
