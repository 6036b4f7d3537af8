package io.eventos.account.web.organizer;

import io.eventos.account.service.PasswordChange;
import io.eventos.account.service.TwoFactorEnrolment;
import io.eventos.account.service.TwoFactorException;
import io.eventos.account.service.TwoFactorService;
import io.eventos.account.service.TwoFactorStatus;
import io.eventos.account.service.UserDirectory;
import io.eventos.account.service.WeeklySummarySettings;
import io.eventos.platform.security.Permission;
import io.eventos.platform.web.ClientAddress;
import io.eventos.platform.web.FieldMessages;
import jakarta.annotation.PostConstruct;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code /app/security.xhtml}: the signed-in user's own two-factor authentication — set up with a QR code,
 * confirmed with a first code, recovery codes shown exactly once, turned off with a code — and their password:
 * changing it signs out every other session of theirs, this one stays. Owners and admins also choose here whether
 * they receive the weekly summary email of the account they work in.
 */
@Named
@ViewScoped
public class SecurityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TwoFactorService twoFactor;
    @Inject
    transient UserDirectory users;
    @Inject
    transient WeeklySummarySettings weeklySummary;
    @Inject
    OrganizerSession session;

    private TwoFactorStatus status;
    private TwoFactorEnrolment enrolment;
    private List<String> recoveryCodes = List.of();
    private String code;
    private transient String currentPassword;
    private transient String newPassword;
    private transient String repeat;
    private boolean weeklySummaryOn;

    public static final String PASSWORD_CHANGED = "Your password was changed. You stay signed in here; "
            + "everywhere else you were signed out.";

    @PostConstruct
    void load() {
        status = twoFactor.status(me());
        if (isWeeklySummaryAllowed()) {
            weeklySummaryOn = weeklySummary.isOn();
        }
    }

    /** Whether the role in the current account may receive the weekly summary (owners and admins). */
    public boolean isWeeklySummaryAllowed() {
        return session.getCurrent() != null && session.getCurrent().grants(Permission.WEEKLY_SUMMARY);
    }

    public void saveWeeklySummary() {
        weeklySummary.change(weeklySummaryOn);
        weeklySummaryOn = weeklySummary.isOn();
        Messages.addInfo("summary-form:weekly", weeklySummaryOn
                ? "Saved: every Monday morning you will get the weekly summary of "
                + session.getCurrent().accountName() + " by email."
                : "Saved: you will not get the weekly summary of " + session.getCurrent().accountName() + ".");
    }

    public boolean isWeeklySummaryOn() {
        return weeklySummaryOn;
    }

    public void setWeeklySummaryOn(boolean weeklySummaryOn) {
        this.weeklySummaryOn = weeklySummaryOn;
    }

    public void start() {
        enrolment = twoFactor.startEnrolment(me());
        recoveryCodes = List.of();
    }

    public void confirm() {
        try {
            recoveryCodes = twoFactor.confirmEnrolment(me(), code);
            enrolment = null;
            code = null;
            status = twoFactor.status(me());
            Messages.addGlobalInfo("Two-factor authentication is on. Keep the recovery codes below somewhere safe.");
        } catch (TwoFactorException refused) {
            FieldMessages.show("enrol-form", refused);
        }
    }

    public void disable() {
        try {
            twoFactor.disable(me(), code);
            code = null;
            status = twoFactor.status(me());
            Messages.addGlobalInfo("Two-factor authentication is off.");
        } catch (TwoFactorException refused) {
            FieldMessages.show("disable-form", refused);
        }
    }

    public void changePassword() {
        if (!Objects.equals(newPassword, repeat)) {
            Messages.addError("password-form:repeat", ResetPasswordPage.MISMATCH);
            return;
        }
        HttpServletRequest request = Faces.getRequest();
        PasswordChange result = users.changePassword(me(), currentPassword, newPassword, ClientAddress.of(request));
        if (!result.changed()) {
            Messages.addError("password-form:" + result.field(), result.problem());
            return;
        }
        request.changeSessionId();
        SignedInSessionFilter.begin(request, result.sessionGeneration()); // this session stays
        Messages.addGlobalInfo(PASSWORD_CHANGED);
    }

    private UUID me() {
        return session.getUser().id();
    }

    /** The account the user works in requires two-factor authentication and they have not set it up. */
    public boolean isRequiredNow() {
        return session.getCurrent() != null && session.getCurrent().requiresTwoFactor() && !status.enabled();
    }

    public TwoFactorStatus getStatus() {
        return status;
    }

    public TwoFactorEnrolment getEnrolment() {
        return enrolment;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
