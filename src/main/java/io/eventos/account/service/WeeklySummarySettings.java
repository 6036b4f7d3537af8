package io.eventos.account.service;

import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signed-in member's own choice whether to receive the weekly summary email of the bound account
 * ({@code account_users.weekly_summary}, off unless turned on). Only roles with WEEKLY_SUMMARY (owners and admins:
 * docs/permissions.md) may turn it on; the weekly job checks the role again when it sends.
 */
@Stateless
@TenantBound
public class WeeklySummarySettings {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    AuditLog audit;

    /** Whether the signed-in member receives the weekly summary. */
    @RequiresPermission(Permission.WEEKLY_SUMMARY)
    public boolean isOn() {
        List<?> rows = em.createNativeQuery("""
                        select weekly_summary from account_users
                        where account_id = ?1 and user_id = ?2 and status = 'active'""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, me()).getResultList();
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
    }

    /**
     * Turns the weekly summary on or off for the signed-in member; the audit log records a change. Turning it on
     * revokes the unsubscribe links of the emails sent before ({@link WeeklySummaryUnsubscribe}).
     */
    @RequiresPermission(Permission.WEEKLY_SUMMARY)
    public void change(boolean on) {
        boolean was = isOn();
        if (was == on) {
            return;
        }
        List<?> ids = em.createNativeQuery("""
                        update account_users set weekly_summary = ?3, updated_at = now(),
                               unsubscribe_generation = unsubscribe_generation + case when ?3 then 1 else 0 end
                        where account_id = ?1 and user_id = ?2 and status = 'active' returning id""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, me()).setParameter(3, on).getResultList();
        UUID membership = ids.get(0) instanceof UUID u ? u : UUID.fromString(ids.get(0).toString());
        audit.record("member.weekly_summary_changed", "member", membership, Map.of("weekly_summary", was),
                Map.of("weekly_summary", on));
    }

    private static UUID me() {
        return CurrentTenant.user().orElseThrow(() -> new AccessDeniedException("Sign in to do this."));
    }
}
