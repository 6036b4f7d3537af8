package io.eventos.account.service;

import io.eventos.crm.service.RetentionPeriods;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * The account context's answer to the CRM's retention sweep ({@link RetentionPeriods}): the accounts' data retention
 * period ({@code accounts.data_retention_days}, set by {@link AccountSettingsService}), read in the caller's
 * transaction with one statement each.
 */
@ApplicationScoped
public class RetentionPeriodsForContacts implements RetentionPeriods {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** V27's {@code retention_accounts()}: the accounts' policies would show a background thread none. */
    @Override
    public List<UUID> accountsWithPeriod() {
        List<?> ids = em.createNativeQuery("select retention_accounts()").getResultList();
        return ids.stream().map(SqlValues::uuid).toList();
    }

    @Override
    public Integer days() {
        Object days = em.createNativeQuery("select data_retention_days from accounts where id = ?1")
                .setParameter(1, CurrentTenant.require()).getSingleResult();
        return days == null ? null : ((Number) days).intValue();
    }
}
