package io.eventos.account.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data side of the weekly summary's unsubscribe link, for the account the verified link names (bound by
 * {@link WeeklySummaryUnsubscribe}; row level security keeps every statement in it). No permission check: the signed
 * link is the member's authority to turn their own email off, and nothing else can be done with it.
 */
@Stateless
@TenantBound
public class WeeklySummaryOptOut {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    AuditLog audit;

    /** The member a link names: their email, the account's name, the setting and the link counter. */
    public record Member(UUID membership, UUID user, String email, String accountName, boolean on, int generation) {
    }

    /** The active membership {@code membership} of the bound account, if there is one. */
    public Optional<Member> member(UUID membership) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select au.user_id, u.email, a.name, au.weekly_summary, au.unsubscribe_generation
                        from account_users au join users u on u.id = au.user_id join accounts a on a.id = au.account_id
                        where au.account_id = ?1 and au.id = ?2 and au.status = 'active'""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, membership).getResultList();
        return rows.stream().findFirst().map(r -> new Member(membership, uuid(r[0]), (String) r[1], (String) r[2],
                Boolean.TRUE.equals(r[3]), ((Number) r[4]).intValue()));
    }

    /**
     * Turns the summary off for the membership if the link's counter is still the membership's; the audit log
     * records it as the member's change made by the emailed link. Returns whether it was on and is off now.
     */
    public boolean turnOff(UUID membership, int generation) {
        @SuppressWarnings("unchecked")
        List<Object> users = em.createNativeQuery("""
                        update account_users set weekly_summary = false, updated_at = now()
                        where account_id = ?1 and id = ?2 and status = 'active' and weekly_summary
                          and unsubscribe_generation = ?3
                        returning user_id""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, membership).setParameter(3, generation)
                .getResultList();
        if (users.isEmpty()) {
            return false;
        }
        try (var member = CurrentTenant.bindUser(uuid(users.get(0)))) {
            audit.record("member.weekly_summary_changed", "member", membership, Map.of("weekly_summary", true),
                    Map.of("weekly_summary", false, "by", "unsubscribe link in the email"));
        }
        return true;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
