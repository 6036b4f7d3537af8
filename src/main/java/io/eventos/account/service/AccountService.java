package io.eventos.account.service;

import io.eventos.account.domain.Account;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
                account.getDefaultTimeZone());
    }
}
