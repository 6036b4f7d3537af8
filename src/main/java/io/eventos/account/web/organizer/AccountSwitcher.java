package io.eventos.account.web.organizer;

import io.eventos.account.service.AccountSwitchService;
import io.eventos.account.service.Membership;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Ids;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.primefaces.model.menu.DefaultMenuItem;
import org.primefaces.model.menu.DefaultMenuModel;
import org.primefaces.model.menu.MenuModel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The account switcher in the organizer header: the current account's name as a menu of the user's other accounts.
 * Choosing one posts its id ({@value #PARAM}); only an account among the memberships loaded from the database for
 * this request is accepted, anything else is "not found" (and {@link AccountSwitchService} checks again).
 */
@Named
@RequestScoped
public class AccountSwitcher {

    static final String PARAM = "account";

    @Inject
    OrganizerSession session;
    @Inject
    AccountSwitchService switches;

    private final DefaultMenuModel menu = new DefaultMenuModel();
    private List<Membership> others = List.of();

    @PostConstruct
    void build() {
        Membership current = session.getCurrent();
        others = session.getMemberships().stream()
                .filter(m -> current == null || !m.accountId().equals(current.accountId()))
                .toList();
        for (Membership m : others) {
            menu.getElements().add(DefaultMenuItem.builder()
                    .id("switch-" + m.accountSlug())
                    .value(m.accountName())
                    .command("#{accountSwitcher.switchAccount}")
                    .params(param(m))
                    .ajax(false)
                    .build());
        }
        menu.getElements().add(DefaultMenuItem.builder()
                .id("new-account")
                .value("Create another account")
                .url(Faces.getRequestContextPath() + "/app/accounts/new.xhtml")
                .build());
    }

    /** POST from the menu: work in the chosen account from now on, and land on its dashboard. */
    public void switchAccount() throws IOException {
        UUID accountId = Ids.parse(Faces.getRequestParameter(PARAM));
        Membership target = accountId == null ? null : session.membershipIn(accountId).orElse(null);
        if (target == null || session.getUser() == null) {
            Faces.responseSendError(404, "Not found"); // the same answer as for an id that does not exist
            return;
        }
        try {
            switches.rememberLastAccount(session.getUser().id(), target.accountId());
        } catch (AccessDeniedException removedMeanwhile) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        session.selectNext(target.accountId());
        Faces.redirect(Faces.getRequestContextPath() + "/app/");
    }

    public MenuModel getMenu() {
        return menu;
    }

    public List<Membership> getOthers() {
        return others;
    }

    /** PrimeFaces adds its own entries to the item's parameters while rendering: a mutable map. */
    private static Map<String, List<String>> param(Membership m) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put(PARAM, new ArrayList<>(List.of(m.accountId().toString())));
        return params;
    }
}
