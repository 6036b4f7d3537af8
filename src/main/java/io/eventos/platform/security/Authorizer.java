package io.eventos.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether the signed-in user may use a permission in the bound account (and, for event permissions,
 * for that event). Implemented by the account context, which owns memberships and roles.
 */
public interface Authorizer {

    /** Returns normally if allowed, otherwise throws {@link AccessDeniedException}. */
    void check(Permission permission, UUID eventId);

    /** The events the signed-in member is limited to, or empty if they may see all of the account's events. */
    Optional<Set<UUID>> eventScope();
}
