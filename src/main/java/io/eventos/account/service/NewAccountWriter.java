package io.eventos.account.service;

import io.eventos.account.domain.Account;
import io.eventos.account.domain.AccountUser;
import io.eventos.account.domain.MemberRole;
import io.eventos.account.domain.User;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.tenancy.RequestMemo;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.Map;
import java.util.UUID;

/**
 * Writes a new account in one transaction of its own, bound to that account ({@link TenantBound}: row level
 * security checks the account row, the owner membership and the audit entry like any other tenant write). Called
 * only by {@link SignUpService}, which binds the new account's id first and retries with the next slug when this
 * one was taken meanwhile.
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NewAccountWriter {

    /** A unique key was taken between the check and the write (the transaction rolled back). */
    @ApplicationException(rollback = true)
    public static class Taken extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean email;

        Taken(boolean email, PersistenceException cause) {
            super(email ? "email taken" : "slug taken", cause);
            this.email = email;
        }

        public boolean email() {
            return email;
        }
    }

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    EmailVerificationService verifications;

    /** A new user, their account, the owner membership, the audit entry and the verification mail. */
    public void writeSignUp(User user, Account account, String baseUrl) {
        requireBound(account);
        user.setLastAccountId(account.getId());
        em.persist(user);
        writeAccount(account, user.getId(), "signup");
        flush(); // a taken email or slug surfaces here, as Taken
        verifications.sendLink(user.getId(), baseUrl);
    }

    /** Another account for an existing user, who becomes its owner and works in it from now on. */
    public void writeAnotherAccount(UUID userId, Account account) {
        requireBound(account);
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new IllegalStateException("No user " + userId);
        }
        writeAccount(account, userId, "new_account");
        user.setLastAccountId(account.getId());
        flush();
    }

    private void writeAccount(Account account, UUID ownerId, String how) {
        em.persist(account);
        em.persist(new AccountUser(ownerId, MemberRole.OWNER));
        RequestMemo.forgetAll();
        audit.record("account.created", "account", account.getId(), null,
                Map.of("name", account.getName(), "slug", account.getSlug(), "owner", ownerId.toString(),
                        "via", how));
    }

    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String text = String.valueOf(e.getMessage());
            if (text.contains("users_email_key")) {
                throw new Taken(true, e);
            }
            if (text.contains("accounts_slug_key")) {
                throw new Taken(false, e);
            }
            throw e;
        }
    }

    private static void requireBound(Account account) {
        if (!account.getId().equals(CurrentTenant.require())) {
            throw new IllegalStateException("The new account must be the bound tenant");
        }
    }
}
