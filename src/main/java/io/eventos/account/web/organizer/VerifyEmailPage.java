package io.eventos.account.web.organizer;

import io.eventos.account.service.EmailVerificationService;
import io.eventos.account.service.EmailVerificationService.Status;
import io.eventos.platform.web.BaseUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.security.Principal;
import java.util.UUID;

/**
 * {@code /verify-email.xhtml?token=...}: the link from the verification email. Opening it confirms the address
 * (a deliberate exception to "never change state on GET": the link's only purpose is to prove the mail arrived,
 * it works once, and confirming twice changes nothing). A link that is unknown, expired or used gets one sentence
 * and, for a signed-in user, a button that sends a new link.
 */
@Named
@RequestScoped
public class VerifyEmailPage {

    public static final String VERIFIED = "Thank you: your email address is confirmed.";
    public static final String SENT = "We sent a new link. It works for 7 days.";
    public static final String ALREADY = "Your email address is already confirmed.";

    @Inject
    EmailVerificationService verifications;

    private String token;
    private Status status;

    /** View action (first request only). */
    public void load() {
        status = verifications.verify(token);
    }

    /** POST: a new link for the signed-in user. */
    public void sendNewLink() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        UUID userId = signedInUser();
        if (userId == null) {
            Faces.redirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        boolean sent = verifications.sendLink(userId, BaseUrl.of(request));
        Messages.addFlashGlobalInfo(sent ? SENT : ALREADY);
        Faces.redirect(request.getContextPath() + "/app/");
    }

    /** The sentence for the link's status. */
    public String getOutcome() {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case VERIFIED -> VERIFIED;
            case EXPIRED -> "This link has expired: links to confirm an email address work for 7 days.";
            case USED -> "This link was already used; each link works once.";
            case UNKNOWN -> "This link is not valid. It may be incomplete, or a newer link replaced it.";
        };
    }

    public boolean isVerified() {
        return status == Status.VERIFIED;
    }

    /** Whether a signed-in user can ask for a new link here. */
    public boolean isCanSendNewLink() {
        return !isVerified() && signedInUser() != null;
    }

    private static UUID signedInUser() {
        Principal principal = Faces.getRequest().getUserPrincipal();
        if (principal == null) {
            return null;
        }
        try {
            return UUID.fromString(principal.getName());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
