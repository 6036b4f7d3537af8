package io.eventos.account.service;

import io.eventos.account.domain.Account;
import io.eventos.account.domain.User;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/** The bound account itself. */
@Stateless
@TenantBound
public class AccountService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    public AccountProfile currentProfile() {
        Account account = em.find(Account.class, CurrentTenant.require());
        if (account == null) {
            throw new IllegalStateException("The bound account is not visible");
        }
        return new AccountProfile(account.getId(), account.getSlug(), account.getName(), account.getContactEmail(),
                account.getDefaultTimeZone(), account.getLogoMediaId(), account.getBrandColor());
    }

    /**
     * Whether the user has confirmed their email address (sign-up mails a link). Publishing an event requires it
     * (docs/permissions.md); the account works without it otherwise.
     */
    public boolean isEmailVerified(UUID userId) {
        User user = userId == null ? null : em.find(User.class, userId);
        return user != null && user.getEmailVerifiedAt() != null;
    }
}
