package io.eventos.platform.tenancy;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the account behind a public URL slug before any tenant is bound. Implemented by the account context
 * (platform imports no context); backed by a minimal SECURITY DEFINER function in the database.
 */
public interface TenantDirectory {

    /** The id of the active account with this slug, if there is one. */
    Optional<UUID> accountIdBySlug(String slug);
}
