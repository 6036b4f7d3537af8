package io.eventos.account.service;

import io.eventos.account.domain.User;
import io.eventos.platform.crypto.SecretBox;
import io.eventos.platform.crypto.SecretBoxException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.eventos.account.service.TwoFactorRules.Outcome.RECOVERY_CODE;
import static io.eventos.account.service.TwoFactorRules.Outcome.REFUSED;
import static io.eventos.account.service.TwoFactorRules.Outcome.TOTP_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two-factor journey on one user row: set up, confirm, sign in, replay, recovery codes, turn off. */
class TwoFactorRulesTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:05Z");

    private final SecretBox box = new SecretBox(randomKey());
    private final User alice = new User("alice@example.com", "Alice");
    private Instant now = T0;

    @Test
    void setUpStoresTheSecretSealedAndLeavesTwoFactorOff() {
        TwoFactorEnrolment enrolment = rules().start(alice);

        assertThat(enrolment.secret()).matches("[A-Z2-7]{32}");
        assertThat(enrolment.otpauthUri()).isEqualTo("otpauth://totp/EventOS:alice@example.com?secret="
                + enrolment.secret() + "&issuer=EventOS&algorithm=SHA1&digits=6&period=30");
        assertThat(enrolment.qrCodeDataUri()).startsWith("data:image/png;base64,");
        assertThat(enrolment.secretForTyping()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(enrolment.toString()).doesNotContain(enrolment.secret());

        assertThat(alice.isTotpEnabled()).isFalse();
        assertThat(new String(alice.getTotpSecretEnc(), StandardCharsets.ISO_8859_1))
                .doesNotContain(enrolment.secret());
        assertThat(box.openText(alice.getTotpSecretEnc(), "totp:" + alice.getId())).isEqualTo(enrolment.secret());
        assertThat(rules().status(alice)).isEqualTo(new TwoFactorStatus(false, true, 0));
        assertThat(rules().verify(alice, currentCode(enrolment))).as("not on until confirmed").isEqualTo(REFUSED);
    }

    @Test
    void aWrongCodeDoesNotTurnItOn() {
        TwoFactorEnrolment enrolment = rules().start(alice);
        assertThatThrownBy(() -> rules().confirm(alice, wrong(currentCode(enrolment))))
                .isInstanceOf(TwoFactorException.class)
                .hasMessage("That code is not right. Codes change every 30 seconds; use the newest one.");
        assertThatThrownBy(() -> rules().confirm(alice, " "))
                .hasMessage("Enter the 6-digit code from your authenticator app.");
        assertThat(alice.isTotpEnabled()).isFalse();
        assertThat(alice.getTotpLastStep()).isNull();
    }

    @Test
    void confirmingTurnsItOnAndHandsOutRecoveryCodesOnce() {
        TwoFactorEnrolment enrolment = rules().start(alice);
        List<String> codes = rules().confirm(alice, currentCode(enrolment));

        assertThat(alice.isTotpEnabled()).isTrue();
        assertThat(alice.getTotpLastStep()).isEqualTo(Totp.stepAt(now));
        assertThat(codes).hasSize(10);
        assertThat(RecoveryCodes.fromJson(alice.getRecoveryCodesJson())).hasSize(10);
        assertThat(alice.getRecoveryCodesJson()).doesNotContain(codes.get(0));
        assertThat(rules().status(alice)).isEqualTo(new TwoFactorStatus(true, false, 10));
    }

    @Test
    void theConfirmationCodeCannotBeReplayedToSignIn() {
        TwoFactorEnrolment enrolment = rules().start(alice);
        String code = currentCode(enrolment);
        rules().confirm(alice, code);

        assertThat(rules().verify(alice, code)).isEqualTo(REFUSED);
    }

    @Test
    void signInAcceptsEachFreshCodeOnceAndNeverAnOlderOne() {
        TwoFactorEnrolment enrolment = enrolled();
        now = now.plusSeconds(30);
        String code = currentCode(enrolment);

        assertThat(rules().verify(alice, code)).isEqualTo(TOTP_CODE);
        assertThat(alice.getTotpLastStep()).isEqualTo(Totp.stepAt(now));
        assertThat(rules().verify(alice, code)).as("replayed").isEqualTo(REFUSED);

        now = now.plusSeconds(30);
        assertThat(rules().verify(alice, Totp.codeAt(enrolment.secret(), Totp.stepAt(now) - 1)))
                .as("previous step, already used").isEqualTo(REFUSED);
        assertThat(rules().verify(alice, currentCode(enrolment))).as("the next code").isEqualTo(TOTP_CODE);
    }

    @Test
    void signInToleratesOneStepOfClockDrift() {
        TwoFactorEnrolment enrolment = enrolled();
        now = now.plus(java.time.Duration.ofMinutes(10));
        long step = Totp.stepAt(now);

        assertThat(rules().verify(alice, Totp.codeAt(enrolment.secret(), step - 2))).isEqualTo(REFUSED);
        assertThat(rules().verify(alice, Totp.codeAt(enrolment.secret(), step - 1))).isEqualTo(TOTP_CODE);
        assertThat(rules().verify(alice, Totp.codeAt(enrolment.secret(), step + 1))).isEqualTo(TOTP_CODE);
        assertThat(rules().verify(alice, Totp.codeAt(enrolment.secret(), step + 2))).isEqualTo(REFUSED);
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        rules().start(alice);
        List<String> codes = confirm();

        assertThat(rules().verify(alice, codes.get(0).toUpperCase())).isEqualTo(RECOVERY_CODE);
        assertThat(rules().status(alice).recoveryCodesLeft()).isEqualTo(9);
        assertThat(rules().verify(alice, codes.get(0))).as("used up").isEqualTo(REFUSED);
        assertThat(rules().verify(alice, codes.get(1))).isEqualTo(RECOVERY_CODE);
        assertThat(rules().verify(alice, "2345-6789")).isEqualTo(REFUSED);
        assertThat(rules().status(alice).recoveryCodesLeft()).isEqualTo(8);
    }

    @Test
    void turningOffNeedsAValidCodeAndForgetsEverything() {
        TwoFactorEnrolment enrolment = enrolled();
        now = now.plusSeconds(30);

        assertThatThrownBy(() -> rules().disable(alice, wrong(currentCode(enrolment))))
                .hasMessage(TwoFactorException.WRONG_CODE);
        assertThatThrownBy(() -> rules().disable(alice, "zzzz-zzzz"))
                .hasMessage("That recovery code is not right, or it has been used already.");
        assertThat(alice.isTotpEnabled()).isTrue();

        rules().disable(alice, currentCode(enrolment));
        assertThat(alice.isTotpEnabled()).isFalse();
        assertThat(alice.getTotpSecretEnc()).isNull();
        assertThat(alice.getTotpLastStep()).isNull();
        assertThat(alice.getRecoveryCodesJson()).isEqualTo("[]");
        assertThat(rules().verify(alice, currentCode(enrolment))).isEqualTo(REFUSED);
    }

    @Test
    void aRecoveryCodeCanTurnItOffWhenThePhoneIsLost() {
        rules().start(alice);
        List<String> codes = confirm();
        rules().disable(alice, codes.get(5));
        assertThat(alice.isTotpEnabled()).isFalse();
    }

    @Test
    void setUpTwiceOrConfirmWithoutSetUpIsExplained() {
        assertThatThrownBy(() -> rules().confirm(alice, "123456"))
                .hasMessage(TwoFactorException.NOTHING_TO_CONFIRM);
        TwoFactorEnrolment first = rules().start(alice);
        TwoFactorEnrolment second = rules().start(alice);
        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThatThrownBy(() -> rules().confirm(alice, currentCode(first))).as("the replaced secret")
                .hasMessage(TwoFactorException.WRONG_CODE);
        rules().confirm(alice, currentCode(second));
        assertThatThrownBy(() -> rules().start(alice)).hasMessage(TwoFactorException.ALREADY_ON);
    }

    @Test
    void aSealedSecretCopiedToAnotherUserDoesNotOpen() {
        enrolled();
        User mallory = new User("mallory@example.com", "Mallory");
        mallory.setTotpSecretEnc(alice.getTotpSecretEnc());
        mallory.setTotpEnabled(true);
        assertThatThrownBy(() -> rules().verify(mallory, "123456")).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void refusedMessagesFitWhatWasTyped() {
        assertThat(TwoFactorException.refused("123456")).hasMessage(TwoFactorException.WRONG_CODE);
        assertThat(TwoFactorException.refused("k7qm-2xwd")).hasMessage(TwoFactorException.WRONG_RECOVERY_CODE);
        assertThat(TwoFactorException.refused("")).hasMessage(TwoFactorException.MISSING_CODE);
        assertThat(TwoFactorException.refused("hello")).hasMessage(TwoFactorException.WRONG_CODE);
    }

    private TwoFactorRules rules() {
        return new TwoFactorRules(box, new Totp(Clock.fixed(now, ZoneOffset.UTC)));
    }

    private TwoFactorEnrolment enrolled() {
        TwoFactorEnrolment enrolment = rules().start(alice);
        rules().confirm(alice, currentCode(enrolment));
        return enrolment;
    }

    private List<String> confirm() {
        String secret = box.openText(alice.getTotpSecretEnc(), "totp:" + alice.getId());
        return rules().confirm(alice, Totp.codeAt(secret, Totp.stepAt(now)));
    }

    private String currentCode(TwoFactorEnrolment enrolment) {
        return Totp.codeAt(enrolment.secret(), Totp.stepAt(now));
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
