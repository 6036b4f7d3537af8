package io.eventos.account.service;

/** What a user's security settings page shows about two-factor authentication. */
public record TwoFactorStatus(boolean enabled, boolean enrolmentPending, int recoveryCodesLeft) {
}
