package io.eventos.account.web.organizer;

import io.eventos.account.service.SessionGenerations;
import io.eventos.account.service.AccountSwitchService;
import io.eventos.account.service.InvitationAcceptance;
import io.eventos.account.service.InvitationDesk.JoinResult;
import io.eventos.account.service.InvitationView;
import io.eventos.account.service.SignUpException;
import io.eventos.platform.security.AccessDeniedException;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /invite.xhtml?account=...&token=...}: the link from an invitation email. Shows the account, who invited
 * and the role; then, depending on who opens it: a signed-in user with the invited address joins with one button;
 * an existing user signs in first (the login page's {@code next} brings them back here); a new user signs up
 * on this page (name and password; the address is the invited one). A link that is unknown, expired, used or
 * revoked gets one sentence saying what to do. View scoped: the token stays with the page, not in its forms.
 */
@Named
@ViewScoped
public class InvitePage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String SIGN_UP_FORM = "signup-form";

    @Inject
    transient SessionGenerations generations;
    @Inject
    transient InvitationAcceptance acceptance;
    @Inject
    transient AccountSwitchService switches;
    @Inject
    transient SecurityContext security;
    @Inject
    OrganizerSession organizer;

    private String account;
    private String token;
    private InvitationView invitation;
    private String problem;
    private String summary;
    private String signInUrl;
    private String name;
    private transient String password;

    /** View action (first request only): what is this link worth, and to whom? */
    public void load() {
        show(acceptance.open(account, token, signedInUser()));
        signInUrl = Faces.getRequestContextPath() + "/login.xhtml?next=" + encode(invitationPath());
    }

    /** The signed-in user with the invited address joins and lands on the account's dashboard. */
    public void join() throws IOException {
        UUID userId = signedInUser();
        if (userId == null) {
            Faces.redirect(signInUrl);
            return;
        }
        JoinResult result = acceptance.join(account, token, userId);
        show(result.invitation());
        if (result.joined()) {
            welcome();
        } else if (invitation.open() && invitation.signedInIsInvitee() && !invitation.alreadyMember()) {
            Messages.addGlobalError("Joining did not complete: your EventOS user cannot sign in at the moment.");
        }
    }

    /** A new user: created with the invited address, joins, is signed in and lands on the account's dashboard. */
    public void signUpAndJoin() throws IOException {
        JoinResult result;
        try {
            result = acceptance.signUpAndJoin(account, token, name, password);
        } catch (SignUpException e) {
            for (Map.Entry<SignUpException.Field, String> problem : e.problems().entrySet()) {
                switch (problem.getKey()) {
                    case NAME -> Messages.addError(SIGN_UP_FORM + ":name", problem.getValue());
                    case PASSWORD -> Messages.addError(SIGN_UP_FORM + ":password", problem.getValue());
                    default -> show(acceptance.open(account, token, null)); // registered meanwhile: sign in
                }
            }
            Faces.validationFailed();
            return;
        }
        show(result.invitation());
        if (!result.joined()) {
            return;
        }
        HttpServletRequest request = Faces.getRequest();
        HttpServletResponse response = Faces.getResponse();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(invitation.email(), new Password(password)))
                .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> Faces.responseComplete();
            case SUCCESS -> {
                request.changeSessionId();
                SignedInSessionFilter.beginNow(request, generations);
                welcome();
            }
            default -> {
                Messages.addFlashGlobalInfo("You joined " + invitation.accountName() + ". Sign in to start.");
                Faces.redirect(request.getContextPath() + "/login.xhtml");
            }
        }
    }

    /** A member already: work in that account and go to its dashboard. */
    public void openAccount() throws IOException {
        UUID userId = signedInUser();
        if (userId == null || invitation == null || invitation.accountId() == null) {
            Faces.redirect(Faces.getRequestContextPath() + "/app/");
            return;
        }
        try {
            switches.rememberLastAccount(userId, invitation.accountId());
            organizer.selectNext(invitation.accountId());
        } catch (AccessDeniedException removedMeanwhile) {
            // not a member (any more): the dashboard of the current account
        }
        Faces.redirect(Faces.getRequestContextPath() + "/app/");
    }

    /** Signed in as someone else: sign out and come back to this link (to sign in or sign up as the invitee). */
    public void signOut() throws IOException, ServletException {
        Faces.logout();
        Faces.invalidateSession();
        Faces.redirect(Faces.getRequestContextPath() + invitationPath());
    }

    /** This page's own address (the parameters are encoded again, whatever they were). */
    private String invitationPath() {
        return "/invite.xhtml?account=" + encode(account) + "&token=" + encode(token);
    }

    private void welcome() throws IOException {
        organizer.selectNext(invitation.accountId());
        Messages.addFlashGlobalInfo("Welcome to " + invitation.accountName() + ": you joined as "
                + invitation.role() + ".");
        Faces.redirect(Faces.getRequestContextPath() + "/app/");
    }

    /** Keeps the link's state and the sentences shown for it (getters stay dumb). */
    private void show(InvitationView view) {
        invitation = view;
        problem = problemOf(view);
        summary = summaryOf(view);
    }

    /** Why the link cannot be used, with what to do; null when it can. */
    static String problemOf(InvitationView view) {
        if (view.open()) {
            return null;
        }
        String inviter = view.inviterName() == null ? "the person who invited you" : view.inviterName();
        return switch (view.status()) {
            case EXPIRED -> "This invitation has expired: invitations work for 7 days. Ask " + inviter
                    + " to send you a new one.";
            case USED -> "This invitation was already used: each invitation works once. If you still need to join "
                    + view.accountName() + ", ask " + inviter + " for a new one.";
            case REVOKED -> "This invitation was revoked. If you still need to join " + view.accountName()
                    + ", ask " + inviter + " for a new one.";
            default -> "This invitation link is not valid. It may be incomplete, or a newer invitation replaced it: "
                    + "use the link in the newest email, or ask the person who invited you to send a new one.";
        };
    }

    /** "Olivia Owner invited new@example.com to join Northwind Events as a viewer." */
    static String summaryOf(InvitationView view) {
        if (view.accountName() == null) {
            return null;
        }
        String who = view.inviterName() == null ? "You were invited" : view.inviterName() + " invited " + view.email();
        String article = "admin".equals(view.role()) || "owner".equals(view.role()) ? "an " : "a ";
        return who + " to join " + view.accountName() + " as " + article + view.role()
                + (view.limitedToEvents() ? ", for selected events only" : "") + ".";
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

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    public String getProblem() {
        return problem;
    }

    public String getSummary() {
        return summary;
    }

    public String getSignInUrl() {
        return signInUrl;
    }

    public InvitationView getInvitation() {
        return invitation;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
