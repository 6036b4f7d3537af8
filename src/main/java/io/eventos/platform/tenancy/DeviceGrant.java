package io.eventos.platform.tenancy;

import java.util.Objects;
import java.util.UUID;

/**
 * A check-in device signed in by its link instead of a person: it may admit people to one event, on one check-in
 * list, and nothing else. Bound per request like the signed-in user, after the device was found valid (not expired,
 * not revoked) in that request.
 */
public record DeviceGrant(UUID deviceId, UUID eventId, UUID listId, String name) {

    public DeviceGrant {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(listId, "listId");
    }
}
