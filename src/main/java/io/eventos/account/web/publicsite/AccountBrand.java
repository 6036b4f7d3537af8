package io.eventos.account.web.publicsite;

import io.eventos.account.service.AccountProfile;
import io.eventos.account.service.AccountService;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The bound account's logo, name and brand colour (one small query per page that shows them): the organizer header,
 * and the header and colour of the buyer's pages (tickets, checkout, order page), which are not cached. The cached
 * public event and organizer pages take the same from their page model instead.
 */
@Named
@RequestScoped
public class AccountBrand {

    @Inject
    AccountService accounts;

    private AccountProfile profile;

    @PostConstruct
    void load() {
        if (CurrentTenant.get().isPresent()) {
            profile = accounts.currentProfile();
        }
    }

    /** The logo's path relative to the context root, or null when the account has none. */
    public String getUrl() {
        return profile == null ? null : profile.logoUrl();
    }

    /** The organization's name, or null without a bound account. */
    public String getName() {
        return profile == null ? null : profile.name();
    }

    /** {@code /e/{slug}} (relative to the context root), or null without a bound account. */
    public String getPath() {
        return profile == null ? null : "/e/" + profile.slug();
    }

    /** The brand colour ({@code #rrggbb}, checked for contrast when saved), or null for the EventOS blue. */
    public String getColor() {
        return profile == null ? null : profile.brandColor();
    }
}
