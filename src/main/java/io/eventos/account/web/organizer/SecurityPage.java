package io.eventos.account.web.organizer;

import io.eventos.account.service.TwoFactorEnrolment;
import io.eventos.account.service.TwoFactorException;
import io.eventos.account.service.TwoFactorService;
import io.eventos.account.service.TwoFactorStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * {@code /app/security.xhtml}: the signed-in user's own two-factor authentication — set up with a QR code,
 * confirmed with a first code, recovery codes shown exactly once, turned off with a code.
 */
@Named
@ViewScoped
public class SecurityPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TwoFactorService twoFactor;
    @Inject
    OrganizerSession session;

    private TwoFactorStatus status;
    private TwoFactorEnrolment enrolment;
    private List<String> recoveryCodes = List.of();
    private String code;

    @PostConstruct
    void load() {
        status = twoFactor.status(me());
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
            Messages.addError("enrol-form:code", refused.getMessage());
        }
    }

    public void disable() {
        try {
            twoFactor.disable(me(), code);
            code = null;
            status = twoFactor.status(me());
            Messages.addGlobalInfo("Two-factor authentication is off.");
        } catch (TwoFactorException refused) {
            Messages.addError("disable-form:code", refused.getMessage());
        }
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
}
