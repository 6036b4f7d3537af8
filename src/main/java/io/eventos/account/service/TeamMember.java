package io.eventos.account.service;

import io.eventos.account.domain.MemberRole;

import java.time.Instant;
import java.util.UUID;

/** A member of the account as the team page lists them. */
public record TeamMember(UUID userId, String name, String email, MemberRole role, boolean limitedToEvents,
                        Instant lastActiveAt) {
}
