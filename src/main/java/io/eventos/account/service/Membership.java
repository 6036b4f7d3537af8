package io.eventos.account.service;

import io.eventos.account.domain.MemberRole;
import io.eventos.platform.security.Permission;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A user's place in one account: which account, with which role, and whether the membership is limited to some
 * events (then only the role's event permissions hold, for those events: docs/permissions.md); also the account's
 * logo, which the organizer header shows.
 *
 * @param eventScope the events a limited membership covers, empty when it covers the whole account
 */
public record Membership(UUID accountId, String accountSlug, String accountName, String role,
                         boolean requiresTwoFactor, Optional<Set<UUID>> eventScope, UUID logoMediaId) {

    /** Whether the membership is limited to some events. */
    public boolean limitedToEvents() {
        return eventScope.isPresent();
    }

    public MemberRole memberRole() {
        return MemberRole.valueOf(role.toUpperCase(Locale.ROOT));
    }

    /** Whether this membership holds {@code permission} somewhere (for showing what the services would allow). */
    public boolean grants(Permission permission) {
        return memberRole().grants(permission) && (eventScope.isEmpty() || permission.isEventPermission());
    }
}
