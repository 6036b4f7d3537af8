package io.eventos.account.web.organizer;

import io.eventos.account.service.PasswordResetService;
import io.eventos.account.service.PasswordResetService.ResetResult;
import io.eventos.account.service.PasswordResetService.TokenStatus;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/**
 * {@code /reset-password.xhtml?token=...}: the link from the reset email. A link that is unknown, expired or used
 * gets one sentence and a way to ask for a new one; a weak password gets its reason next to the field; success goes
 * to the sign-in page with a message. View scoped: the token stays with the form, not in it.
 */
@Named
@ViewScoped
public class ResetPasswordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String CHANGED = "Your password was changed. Sign in with the new one.";
    public static final String MISMATCH = "The two passwords are not the same. Type the new password in both fields.";

    @Inject
    PasswordResetService resets;

    private String token;
    private TokenStatus status;
    private transient String password;
    private transient String repeat;

    /** View action (first request only): can this link be used? */
    public void load() {
        status = token == null || token.isBlank() ? TokenStatus.UNKNOWN : resets.check(token);
    }

    public void save() throws IOException {
        if (!Objects.equals(password, repeat)) {
            Messages.addError("reset-form:repeat", MISMATCH);
            return;
        }
        ResetResult result = resets.reset(token, password);
        if (result.changed()) {
            Messages.addFlashGlobalInfo(CHANGED);
            Faces.redirect(Faces.getRequestContextPath() + "/login.xhtml");
            return;
        }
        if (result.token() != TokenStatus.VALID) {
            status = result.token(); // e.g. used in another tab meanwhile
            return;
        }
        Messages.addError("reset-form:password", result.passwordProblem());
    }

    /** Why the link cannot be used, or null when it can. */
    public String getProblem() {
        if (status == null || status == TokenStatus.VALID) {
            return null;
        }
        return switch (status) {
            case EXPIRED -> "This link to reset your password has expired: links work for one hour.";
            case USED -> "This link was already used to change the password; each link works once.";
            default -> "This link to reset a password is not valid. It may be incomplete, or a newer link replaced it.";
        };
    }

    public boolean isUsable() {
        return status == TokenStatus.VALID;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
