package io.eventos.account.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * An open invitation as the team page lists it: to whom, with which role (and events, if limited to some), who sent
 * it and until when its link works.
 */
public record PendingInvitation(UUID id, String email, String role, boolean limitedToEvents, List<String> eventNames,
                                String invitedByName, Instant expiresAt, boolean expired) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public PendingInvitation {
        eventNames = List.copyOf(eventNames);
    }

    /** "(only Nordic Product Summit, Data Workshop)", or "(selected events)" when those events no longer exist. */
    public String scopeText() {
        return eventNames.isEmpty() ? "(selected events)" : "(only " + String.join(", ", eventNames) + ")";
    }

    /** "expires 2026-05-01 10:00 UTC" or "expired 2026-05-01 10:00 UTC" (the Faces converter cannot format Instant). */
    public String expiryText() {
        return (expired ? "expired " : "expires ") + WHEN.format(expiresAt);
    }
}
