package io.eventos.account.service;

import io.eventos.account.domain.User;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.TransactionSettings;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * The account switcher's write: remembers the account a user works in ({@code users.last_account_id}), so their
 * next sign-in lands there. Only an account the user is an active member of is accepted; the membership is read
 * through row level security as the user's own rows ({@code app.user_id}), never across tenants.
 */
@Stateless
public class AccountSwitchService {

    public static final String NOT_A_MEMBER = "You are not a member of that account.";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    public void rememberLastAccount(UUID userId, UUID accountId) {
        TransactionSettings.set(em, TransactionSettings.USER, userId);
        boolean member = !em.createNativeQuery("""
                        select 1 from account_users au join accounts a on a.id = au.account_id
                        where au.user_id = ?1 and au.account_id = ?2 and au.status = 'active' and a.status = 'active'""")
                .setParameter(1, userId)
                .setParameter(2, accountId)
                .getResultList().isEmpty();
        User user = em.find(User.class, userId);
        if (!member || user == null) {
            throw new AccessDeniedException(NOT_A_MEMBER);
        }
        user.setLastAccountId(accountId);
    }
}
