package io.eventos.account.service;

import io.eventos.account.domain.MemberRole;
import io.eventos.platform.security.Permission;

import java.util.Locale;
import java.util.UUID;

/**
 * A user's place in one account: which account, with which role, and whether the membership is limited to some
 * events (then only the role's event permissions hold, for those events: docs/permissions.md).
 */
public record Membership(UUID accountId, String accountSlug, String accountName, String role,
                         boolean requiresTwoFactor, boolean limitedToEvents) {

    /** Whether this membership holds {@code permission} somewhere (for showing what the services would allow). */
    public boolean grants(Permission permission) {
        return MemberRole.valueOf(role.toUpperCase(Locale.ROOT)).grants(permission)
                && (!limitedToEvents || permission.isEventPermission());
    }
}
