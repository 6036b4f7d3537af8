package io.eventos.account.service;

import io.eventos.platform.tenancy.TenantDirectory;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves public URL slugs to accounts before a tenant is bound. The only way the application role can find an
 * account it is not bound to: the database function {@code account_id_by_slug} (SECURITY DEFINER, returns the id
 * of an active account and nothing else).
 */
@Stateless
@Local(TenantDirectory.class)
@LocalBean // injectable as itself too, not only as the TenantDirectory the platform sees
public class AccountDirectory implements TenantDirectory {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Override
    public Optional<UUID> accountIdBySlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select account_id_by_slug(?1)")
                .setParameter(1, slug.toLowerCase(Locale.ROOT))
                .getResultList();
        Object id = rows.isEmpty() ? null : rows.get(0);
        return Optional.ofNullable(id == null ? null : id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
    }
}
