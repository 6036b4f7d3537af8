package io.eventos.account.service;

import jakarta.security.enterprise.credential.Credential;

/** A finished sign-in, handed to Jakarta Security by the sign-in page ({@link SignInTickets}). */
public record SignInTicketCredential(String ticket) implements Credential {
}
