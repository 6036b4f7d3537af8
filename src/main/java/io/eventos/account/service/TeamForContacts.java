package io.eventos.account.service;

import io.eventos.crm.service.ContactTeam;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * The account context's answer to the CRM ({@link ContactTeam}): the bound account's active members, for a
 * contact's owner and a task's assignee. Runs in the caller's transaction (the CRM service checked its permission).
 */
@ApplicationScoped
public class TeamForContacts implements ContactTeam {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Override
    public List<TeamMate> members() {
        // the account is named, not left to row level security (a user also sees their memberships elsewhere)
        List<?> rows = em.createNativeQuery("""
                        select u.id, u.name from account_users m join users u on u.id = m.user_id
                        where m.account_id = ?1 and m.status = 'active' order by lower(u.name), u.id""")
                .setParameter(1, CurrentTenant.require()).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new TeamMate((UUID) r[0], (String) r[1])).toList();
    }
}
