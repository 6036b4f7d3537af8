package io.eventos.account.web.organizer;

import io.eventos.account.service.SignInResult;
import io.eventos.account.service.SignInTicketCredential;
import io.eventos.account.service.SignInTickets;
import io.eventos.account.service.TwoFactorException;
import io.eventos.account.service.TwoFactorService;
import io.eventos.account.service.UserDirectory;
import io.eventos.platform.limits.Limits;
import io.eventos.platform.web.ClientAddress;
import jakarta.annotation.PostConstruct;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /login.xhtml}: email and password, then — for users with two-factor authentication — a code from the
 * authenticator app (or a recovery code). The page checks both itself, with throttling, and hands the finished
 * sign-in to Jakarta Security as a one-time ticket; afterwards the user goes to {@code ?next=} when that is a path of
 * this application (the invitation page sends people here that way), else to the dashboard.
 */
@Named
@ViewScoped
public class LoginPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;
    @Inject
    transient UserDirectory users;
    @Inject
    transient TwoFactorService twoFactor;
    @Inject
    transient SignInTickets tickets;

    private String email;
    private String password;
    private String code;
    /** Set once the password was right for a user with two-factor authentication: the code step. */
    private UUID awaitingCodeFor;
    /** The user's session generation when the password was checked; the session is stamped with it. */
    private long sessionGeneration;
    /** Where to go after signing in: a path of this application (checked), or null for the dashboard. */
    private String next;

    /**
     * Where Jakarta Security (its implementation, Soteria) keeps the request that was sent to this page because it
     * needed a signed-in user. Signing in with a new authentication (as this page does, for the one-time ticket)
     * does not replay it, so the page reads it itself to send the user back where they were going.
     */
    static final String SAVED_REQUEST = "org.glassfish.soteria.original.request";

    /** Flash key: the email a sign-up just used, so the sign-in form starts with it. */
    static final String EMAIL_FROM_SIGN_UP = "signUpEmail";

    public static final String SESSION_ENDED = "You were signed out: your password or your access changed. "
            + "Sign in again to continue.";
    public static final String CHANGED_MEANWHILE = "Your password was changed meanwhile. Sign in with the new one.";

    @PostConstruct
    void readNext() {
        Object signedUpWith = Faces.getFlash().get(EMAIL_FROM_SIGN_UP);
        if (signedUpWith instanceof String typed) {
            email = typed;
        }
        next = localPathOrNull(Faces.getRequestParameter("next"));
        if (next == null) {
            next = pageAskedForBeforeSignIn();
        }
    }

    /** The organizer page (GET, under /app/) the user asked for before being sent here, or null. */
    private static String pageAskedForBeforeSignIn() {
        jakarta.servlet.http.HttpSession session = Faces.getRequest().getSession(false);
        Object saved = session == null ? null : session.getAttribute(SAVED_REQUEST);
        if (saved == null) {
            return null;
        }
        try {
            String method = (String) saved.getClass().getMethod("getMethod").invoke(saved);
            String url = (String) saved.getClass().getMethod("getRequestURL").invoke(saved);
            String query = (String) saved.getClass().getMethod("getQueryString").invoke(saved);
            String path = java.net.URI.create(url).getRawPath();
            String context = Faces.getRequestContextPath();
            if (!"GET".equalsIgnoreCase(method) || path == null || !path.startsWith(context + "/app/")) {
                return null;
            }
            return localPathOrNull(path.substring(context.length()) + (query == null ? "" : "?" + query));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another implementation: the dashboard it is
        }
    }

    public void login() throws IOException {
        String address = ClientAddress.of(Faces.getRequest());
        if (refusedForNow(address)) {
            return;
        }
        SignInResult result = users.authenticate(email, password, address);
        if (result.signedIn().isEmpty()) {
                refused(result, "login-form:password",
                    "That email and password do not match an account. Check both and try again");
            return;
        }
        UUID userId = result.signedIn().get().id();
        sessionGeneration = result.sessionGeneration();
        if (twoFactor.isEnabled(userId)) {
            awaitingCodeFor = userId;
            return;
        }
        finish(userId, address);
    }

    public void verifyCode() throws IOException {
        String address = ClientAddress.of(Faces.getRequest());
        if (awaitingCodeFor == null || refusedForNow(address)) {
            return;
        }
        if (twoFactor.verifyLogin(awaitingCodeFor, code)) {
            finish(awaitingCodeFor, address);
            return;
        }
        SignInResult result = users.secondFactorFailed(awaitingCodeFor, address);
        if (result.throttledFor().isPresent()) {
            awaitingCodeFor = null; // locked: start again later, with the password
        }
        refused(result, "code-form:code", TwoFactorException.refused(code).getMessage().replaceAll("\\.$", ""));
    }

    private void finish(UUID userId, String address) throws IOException {
        if (!users.completeSignIn(userId, sessionGeneration, address)) {
            awaitingCodeFor = null; // e.g. the password was reset after it was checked here: start again
            Messages.addGlobalError(CHANGED_MEANWHILE);
            return;
        }
        HttpServletRequest request = Faces.getRequest();
        HttpServletResponse response = Faces.getResponse();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new SignInTicketCredential(tickets.issue(userId)))
                .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> Faces.responseComplete();
            case SUCCESS -> {
                request.changeSessionId();
                SignedInSessionFilter.begin(request, sessionGeneration);
                // door staff (members limited to some events) start at check-in, everyone else at the dashboard
                String landing = next != null ? next : users.startsAtTheDoor(userId) ? "/checkin/" : "/app/";
                Faces.redirect(request.getContextPath() + landing);
            }
            default -> Messages.addGlobalError("Signing in did not complete. Please try again.");
        }
    }

    /**
     * {@code value} if it is a path inside this application ("/invite.xhtml?account=..."), else null: never another
     * site ("//evil.example", "https://...", "/\\evil.example"), so the parameter cannot send anyone away.
     */
    static String localPathOrNull(String value) {
        if (value == null || value.length() > 2048 || !value.matches("/[^/\\\\][^\\s\\\\]*")) {
            return null;
        }
        return value;
    }

    /**
     * A refused try: "paused" when it was not even checked (too many failures), else the sentence, saying when the
     * next try from here may be made if it must wait.
     */
    private void refused(SignInResult result, String field, String sentence) {
        Optional<Duration> wait = result.throttledFor();
        if (wait.isPresent()) {
            pausedMessage(field, wait.get());
            return;
        }
        Optional<Duration> next = result.nextTryIn();
        Messages.addError(field, sentence + (next.isPresent() ? " " + Limits.inWords(next.get()) + "." : "."));
    }

    /** Too many failures for this email from here, or from this address: say how long to wait, in plain words. */
    private boolean refusedForNow(String address) {
        Optional<Duration> wait = users.waitBeforeSignIn(email, address);
        wait.ifPresent(duration -> pausedMessage(awaitingCodeFor == null ? "login-form:password" : "code-form:code",
                duration));
        return wait.isPresent();
    }

    private static void pausedMessage(String field, Duration wait) {
        Messages.addError(field, "Too many failed sign-ins. For your safety, signing in is paused; try again "
                + Limits.inWords(wait) + ".");
    }

    /** Whether the user comes here because their session was ended (SignedInSessionFilter). */
    public boolean isSessionEnded() {
        return Faces.getRequestParameter(SignedInSessionFilter.ENDED_PARAMETER) != null;
    }

    public String getSessionEndedMessage() {
        return SESSION_ENDED;
    }

    public boolean isAwaitingCode() {
        return awaitingCodeFor != null;
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
