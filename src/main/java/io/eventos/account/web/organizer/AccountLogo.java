package io.eventos.account.web.organizer;

import io.eventos.account.service.AccountService;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The current account's logo for the organizer header (one small query per page that shows it). */
@Named
@RequestScoped
public class AccountLogo {

    @Inject
    AccountService accounts;

    private String url;

    @PostConstruct
    void load() {
        if (CurrentTenant.get().isPresent()) {
            url = accounts.currentProfile().logoUrl();
        }
    }

    /** The logo's path relative to the context root, or null when the account has none. */
    public String getUrl() {
        return url;
    }
}
