package io.eventos.account.service;

import java.util.UUID;

/** Who is signed in. */
public record SignedInUser(UUID id, String email, String name, UUID lastAccountId) {
}
