package io.eventos.account.service;

import java.util.UUID;

/** A user's place in one account: which account, with which role. */
public record Membership(UUID accountId, String accountSlug, String accountName, String role) {
}
