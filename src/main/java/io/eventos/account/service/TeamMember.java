package io.eventos.account.service;

import io.eventos.account.domain.MemberRole;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A member of the account as the team page lists them. */
public record TeamMember(UUID userId, String name, String email, MemberRole role, boolean limitedToEvents,
                        Instant lastActiveAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String lastActiveText() {
        return lastActiveAt == null ? null : WHEN.format(lastActiveAt);
    }
}
