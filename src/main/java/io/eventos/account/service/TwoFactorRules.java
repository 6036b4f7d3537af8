package io.eventos.account.service;

import io.eventos.account.domain.User;
import io.eventos.platform.crypto.SecretBox;
import io.eventos.platform.qr.QrCodes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The two-factor rules applied to one {@link User} row, without a database: {@link TwoFactorService} loads and
 * locks the row, calls one of these, and the transaction writes the changes. Kept apart so they are unit-tested.
 *
 * <ul>
 *   <li>The TOTP secret is stored only sealed ({@link SecretBox}), bound to the user ({@code "totp:" + id}).</li>
 *   <li>Set-up is two steps: a secret is stored but two-factor stays off until a code from it is confirmed.</li>
 *   <li>Every accepted TOTP code records its time step; a code of the same or an older step is refused.</li>
 *   <li>A recovery code works once, in place of a TOTP code.</li>
 * </ul>
 */
final class TwoFactorRules {

    /** How a login's second factor was satisfied. */
    enum Outcome { TOTP_CODE, RECOVERY_CODE, REFUSED }

    private final SecretBox secretBox;
    private final Totp totp;

    TwoFactorRules(SecretBox secretBox, Totp totp) {
        this.secretBox = Objects.requireNonNull(secretBox, "secretBox");
        this.totp = Objects.requireNonNull(totp, "totp");
    }

    /** Stores a new sealed secret (replacing an unconfirmed one); two-factor stays off until confirmed. */
    TwoFactorEnrolment start(User user) {
        if (user.isTotpEnabled()) {
            throw new TwoFactorException(TwoFactorException.ALREADY_ON);
        }
        String secret = Totp.newSecret();
        user.setTotpSecretEnc(secretBox.sealText(secret, context(user)));
        user.setTotpLastStep(null);
        user.setRecoveryCodesJson(RecoveryCodes.toJson(List.of()));
        String uri = Totp.otpauthUri(user.getEmail(), secret);
        return new TwoFactorEnrolment(secret, uri, QrCodes.dataUri(uri));
    }

    /** Turns two-factor on if {@code code} comes from the pending secret; returns the recovery codes, shown once. */
    List<String> confirm(User user, String code) {
        if (user.isTotpEnabled()) {
            throw new TwoFactorException(TwoFactorException.ALREADY_ON);
        }
        if (user.getTotpSecretEnc() == null) {
            throw new TwoFactorException(TwoFactorException.NOTHING_TO_CONFIRM);
        }
        if (code == null || code.isBlank()) {
            throw new TwoFactorException(TwoFactorException.MISSING_CODE);
        }
        OptionalLong step = totp.verify(secret(user), code, user.getTotpLastStep());
        if (step.isEmpty()) {
            throw new TwoFactorException(TwoFactorException.WRONG_CODE);
        }
        RecoveryCodes.Issued issued = RecoveryCodes.generate(user.getId());
        user.setTotpEnabled(true);
        user.setTotpLastStep(step.getAsLong());
        user.setRecoveryCodesJson(RecoveryCodes.toJson(issued.hashes()));
        return issued.codes();
    }

    /**
     * Checks a login's second factor: a fresh TOTP code (its step is recorded) or an unused recovery code (it is
     * used up). Refused when two-factor is off: a caller that asks has a reason to expect it on, so fail closed.
     */
    Outcome verify(User user, String input) {
        if (!user.isTotpEnabled() || user.getTotpSecretEnc() == null || input == null) {
            return Outcome.REFUSED;
        }
        if (Totp.looksLikeCode(input)) {
            OptionalLong step = totp.verify(secret(user), input, user.getTotpLastStep());
            if (step.isPresent()) {
                user.setTotpLastStep(step.getAsLong());
                return Outcome.TOTP_CODE;
            }
            return Outcome.REFUSED;
        }
        Optional<List<String>> remaining = RecoveryCodes.consume(user.getId(),
                RecoveryCodes.fromJson(user.getRecoveryCodesJson()), input);
        if (remaining.isPresent()) {
            user.setRecoveryCodesJson(RecoveryCodes.toJson(remaining.get()));
            return Outcome.RECOVERY_CODE;
        }
        return Outcome.REFUSED;
    }

    /**
     * Turns two-factor off after proving possession once more (a TOTP code, or a recovery code for a lost phone),
     * and forgets the secret and the recovery codes. When it is off already, only an unconfirmed set-up is dropped.
     */
    void disable(User user, String code) {
        if (user.isTotpEnabled()) {
            if (verify(user, code) == Outcome.REFUSED) {
                throw TwoFactorException.refused(code);
            }
        }
        user.setTotpEnabled(false);
        user.setTotpSecretEnc(null);
        user.setTotpLastStep(null);
        user.setRecoveryCodesJson(RecoveryCodes.toJson(List.of()));
    }

    TwoFactorStatus status(User user) {
        return new TwoFactorStatus(user.isTotpEnabled(), !user.isTotpEnabled() && user.getTotpSecretEnc() != null,
                RecoveryCodes.fromJson(user.getRecoveryCodesJson()).size());
    }

    private String secret(User user) {
        return secretBox.openText(user.getTotpSecretEnc(), context(user));
    }

    /** Binds the sealed secret to its row: copied into another user's row, it does not open. */
    static String context(User user) {
        return "totp:" + user.getId();
    }
}
