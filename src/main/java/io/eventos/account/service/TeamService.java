package io.eventos.account.service;

import io.eventos.account.domain.AccountUser;
import io.eventos.account.domain.MemberRole;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.tenancy.RequestMemo;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people of the bound account and their roles. Rules: an account always keeps at least one owner; only an owner
 * may make, change or remove an owner; every change is in the audit log. Memberships are locked while counting
 * owners, so two admins demoting the last two owners at once cannot leave the account without one.
 */
@Stateless
@TenantBound
public class TeamService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    AuditLog audit;
    @Inject
    MembershipAuthorizer authorizer;
    @Inject
    SessionGenerations sessions;

    @RequiresPermission(Permission.ACCOUNT_VIEW)
    public List<TeamMember> members() {
        List<Object[]> rows = em.createNativeQuery("""
                        select u.id, u.name, u.email, au.role, au.event_scope is not null, au.last_active_at
                        from account_users au join users u on u.id = au.user_id
                        where au.account_id = ?1 and au.status = 'active'
                        order by case au.role when 'owner' then 0 when 'admin' then 1 when 'manager' then 2
                                              when 'member' then 3 else 4 end, u.name""")
                .setParameter(1, CurrentTenant.require()) // not only RLS: own_memberships shows the user's other accounts
                .getResultList();
        return rows.stream().map(r -> new TeamMember((UUID) r[0], (String) r[1], (String) r[2],
                MemberRole.valueOf(((String) r[3]).toUpperCase()), (Boolean) r[4],
                r[5] == null ? null : ((java.sql.Timestamp) r[5]).toInstant())).toList();
    }

    /** Gives a member another role: "owner", "admin", "manager", "member" or "viewer". */
    @RequiresPermission(Permission.TEAM_MANAGE)
    public void changeRole(UUID userId, String roleName) {
        MemberRole role;
        try {
            role = MemberRole.valueOf(String.valueOf(roleName).trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TeamException("Choose one of the roles owner, admin, manager, member or viewer.");
        }
        AccountUser member = lockedMember(userId);
        MemberRole before = member.getRole();
        if (before == role) {
            return;
        }
        if ((before == MemberRole.OWNER || role == MemberRole.OWNER) && authorizer.currentRole() != MemberRole.OWNER) {
            throw new TeamException("Only an owner can make someone an owner or change an owner's role.");
        }
        if (before == MemberRole.OWNER && ownerCount() == 1) {
            throw new TeamException("This is the account's only owner. Make someone else an owner first.");
        }
        member.setRole(role);
        RequestMemo.forgetAll();
        audit.record("member.role_changed", "member", userId, Map.of("role", before.label()),
                Map.of("role", role.label()));
    }

    /** Notes that the signed-in member is active in the bound account now (the team page shows it). */
    public void markActive() {
        CurrentTenant.user().ifPresent(userId -> em.createNativeQuery(
                        "update account_users set last_active_at = now() where account_id = ?1 and user_id = ?2")
                .setParameter(1, CurrentTenant.require())
                .setParameter(2, userId)
                .executeUpdate());
    }

    @RequiresPermission(Permission.TEAM_MANAGE)
    public void remove(UUID userId) {
        AccountUser member = lockedMember(userId);
        if (member.getRole() == MemberRole.OWNER) {
            if (authorizer.currentRole() != MemberRole.OWNER) {
                throw new TeamException("Only an owner can remove an owner.");
            }
            if (ownerCount() == 1) {
                throw new TeamException("This is the account's only owner. Make someone else an owner first.");
            }
        }
        em.remove(member);
        RequestMemo.forgetAll();
        sessions.endAll(em, userId); // signed out everywhere at once, not just refused this account's pages
        audit.record("member.removed", "member", userId, Map.of("role", member.getRole().label()), null);
    }

    /** The signed-in owner hands ownership to another member and stays on as an admin. */
    @RequiresPermission(Permission.OWNERSHIP_TRANSFER)
    public void transferOwnership(UUID toUserId) {
        UUID me = CurrentTenant.user().orElseThrow();
        if (me.equals(toUserId)) {
            throw new TeamException("You are already an owner.");
        }
        AccountUser target = lockedMember(toUserId);
        AccountUser self = lockedMember(me);
        MemberRole before = target.getRole();
        target.setRole(MemberRole.OWNER);
        target.setEventScopeJson(null);
        self.setRole(MemberRole.ADMIN);
        RequestMemo.forgetAll();
        audit.record("account.ownership_transferred", "member", toUserId, Map.of("role", before.label()),
                Map.of("role", "owner", "previous_owner", me.toString()));
    }

    /*
     * Both look-ups name the bound account although row level security binds it too: the policy own_memberships also
     * shows the signed-in user their memberships in other accounts (the account switcher). A locking read passes only
     * the update policy, so those rows never came back here, but this must not rest on that.
     */
    private AccountUser lockedMember(UUID userId) {
        List<AccountUser> found = em.createQuery(
                        "select au from AccountUser au where au.userId = :user and au.accountId = :account",
                        AccountUser.class)
                .setParameter("user", userId)
                .setParameter("account", CurrentTenant.require())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            throw new TeamException("That person is not a member of this account.");
        }
        return found.get(0);
    }

    /** Owners, counted with their rows locked (PostgreSQL cannot lock an aggregate, so lock and count here). */
    private long ownerCount() {
        return em.createQuery("select au from AccountUser au where au.role = :owner and au.accountId = :account",
                        AccountUser.class)
                .setParameter("owner", MemberRole.OWNER)
                .setParameter("account", CurrentTenant.require())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .size();
    }
}
