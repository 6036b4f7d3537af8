package io.eventos.account.service;

import io.eventos.platform.input.InputRefusedException;
import jakarta.ejb.ApplicationException;

/**
 * A two-factor step the user can correct: the message is one sentence to show next to the code field.
 * An application exception, so the container hands it to the page as it is (not wrapped) and rolls back.
 */
@ApplicationException(rollback = true)
public class TwoFactorException extends InputRefusedException {

    public static final String WRONG_CODE =
            "That code is not right. Codes change every 30 seconds; use the newest one.";
    public static final String WRONG_RECOVERY_CODE =
            "That recovery code is not right, or it has been used already.";
    public static final String MISSING_CODE = "Enter the 6-digit code from your authenticator app.";
    public static final String ALREADY_ON =
            "Two-factor authentication is already on; turn it off first to set up a new device.";
    public static final String NOTHING_TO_CONFIRM =
            "There is no set-up waiting to be confirmed; start setting up two-factor authentication again.";

    /** The field of the form's code input, where every two-factor sentence belongs. */
    public static final String FIELD = "code";

    public TwoFactorException(String message) {
        super(FIELD, message);
    }

    /** The sentence for a refused code: about recovery codes if the input looked like one, else about TOTP codes. */
    public static TwoFactorException refused(String typed) {
        if (typed == null || typed.isBlank()) {
            return new TwoFactorException(MISSING_CODE);
        }
        return new TwoFactorException(RecoveryCodes.looksLikeCode(typed) ? WRONG_RECOVERY_CODE : WRONG_CODE);
    }
}
