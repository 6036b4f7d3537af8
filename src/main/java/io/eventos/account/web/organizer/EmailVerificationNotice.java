package io.eventos.account.web.organizer;

import io.eventos.account.service.AccountService;
import io.eventos.account.service.EmailVerificationService;
import io.eventos.platform.web.BaseUrl;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;

/**
 * The dashboard's "Confirm your email address" notice, shown while the signed-in user has not confirmed it, with a
 * button that sends the link again.
 */
@Named
@RequestScoped
public class EmailVerificationNotice {

    @Inject
    OrganizerSession session;
    @Inject
    AccountService accounts;
    @Inject
    EmailVerificationService verifications;

    private boolean shown;

    /** Asks the database only until the address is confirmed (it cannot become unconfirmed again). */
    @PostConstruct
    void load() {
        if (session.getUser() == null || session.isEmailConfirmed()) {
            shown = false;
            return;
        }
        shown = !accounts.isEmailVerified(session.getUser().id());
        if (!shown) {
            session.emailConfirmed();
        }
    }

    public void sendAgain() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        if (session.getUser() != null) {
            boolean sent = verifications.sendLink(session.getUser().id(), BaseUrl.of(request));
            Messages.addFlashGlobalInfo(sent ? VerifyEmailPage.SENT : VerifyEmailPage.ALREADY);
        }
        Faces.redirect(request.getContextPath() + "/app/");
    }

    public boolean isShown() {
        return shown;
    }

    public String getEmail() {
        return session.getUser() == null ? null : session.getUser().email();
    }
}
