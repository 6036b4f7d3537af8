package io.eventos.account.service;

/**
 * A started two-factor set-up: the secret (for typing into an app that cannot scan), the otpauth URI and a QR code
 * of it as a {@code data:image/png;base64,...} URI for an {@code <img src>}. Show it only to the user it belongs to,
 * and only until they confirm it.
 */
public record TwoFactorEnrolment(String secret, String otpauthUri, String qrCodeDataUri) {

    /** The secret in groups of four ("ABCD EFGH ..."), easier to type from the screen. */
    public String secretForTyping() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "TwoFactorEnrolment[secret hidden]"; // keep the secret out of logs
    }
}
