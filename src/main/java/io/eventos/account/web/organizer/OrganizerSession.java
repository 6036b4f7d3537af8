package io.eventos.account.web.organizer;

import io.eventos.account.service.Membership;
import io.eventos.account.service.SignedInUser;
import io.eventos.account.service.UserDirectory;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who is signed in and which of their accounts they are working in. Nothing else lives in the session. */
@Named("organizer")
@SessionScoped
public class OrganizerSession implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserDirectory users;

    private SignedInUser user;
    private List<Membership> memberships = List.of();
    private Membership current;

    /** Loads the user and their accounts once per session (and again if a different user signs in). */
    void ensureFor(UUID userId) {
        if (user != null && user.id().equals(userId)) {
            return;
        }
        user = users.find(userId).orElse(null);
        memberships = user == null ? List.of() : users.memberships(userId);
        current = memberships.stream()
                .filter(m -> user != null && m.accountId().equals(user.lastAccountId()))
                .findFirst()
                .orElse(memberships.isEmpty() ? null : memberships.get(0));
    }

    Optional<Membership> currentMembership() {
        return Optional.ofNullable(current);
    }

    public SignedInUser getUser() {
        return user;
    }

    public Membership getCurrent() {
        return current;
    }

    public List<Membership> getMemberships() {
        return memberships;
    }
}
