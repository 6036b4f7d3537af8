package io.eventos.checkin.service;

import java.time.Instant;
import java.util.UUID;

/** A kiosk link of an event: its name, list, validity and when it was last used. */
public record DeviceView(UUID id, String name, String listName, Instant expiresAt, Instant revokedAt,
                         Instant lastSeenAt, Instant createdAt) {

    public String state(Instant now) {
        if (revokedAt != null) {
            return "Revoked";
        }
        return expiresAt.isAfter(now) ? "Active" : "Expired";
    }

    public boolean active(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
