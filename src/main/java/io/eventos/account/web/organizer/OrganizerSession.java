package io.eventos.account.web.organizer;

import io.eventos.account.service.Membership;
import io.eventos.platform.security.Permission;
import io.eventos.account.service.SignedInUser;
import io.eventos.account.service.TwoFactorService;
import io.eventos.account.service.UserDirectory;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who is signed in and which of their accounts they are working in. Nothing else lives in the session. */
@Named("organizer")
@SessionScoped
public class OrganizerSession implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserDirectory users;
    @Inject
    transient TwoFactorService twoFactor;

    private SignedInUser user;
    private List<Membership> memberships = List.of();
    private Membership current;
    private Boolean twoFactorOn;
    /** The user's address is confirmed (read until it is; a confirmed address stays confirmed). */
    private boolean emailConfirmed;
    private final Map<UUID, Instant> lastActivity = new HashMap<>();
    private UUID next;

    /**
     * Loads the user once per session and their memberships on every request, so a changed role or a removal
     * shows on the member's next page (the services check the database on every call anyway).
     */
    void refreshFor(UUID userId) {
        if (user == null || !user.id().equals(userId)) {
            user = users.find(userId).orElse(null);
            current = null;
            emailConfirmed = false;
        }
        memberships = user == null ? List.of() : users.memberships(userId);
        twoFactorOn = null; // read when asked: only where an account requires it
        UUID wanted = next != null ? next
                : current != null ? current.accountId()
                : user == null ? null : user.lastAccountId();
        next = null;
        current = memberships.stream()
                .filter(m -> m.accountId().equals(wanted))
                .findFirst()
                .orElse(memberships.isEmpty() ? null : memberships.get(0));
    }

    /**
     * Works in {@code accountId} from the next request on (the account switcher, a new account). Takes effect only
     * if the user is a member of it then: the memberships are read from the database on every request.
     */
    void selectNext(UUID accountId) {
        next = accountId;
    }

    /** The user's membership in {@code accountId}, as loaded for this request; empty if they are not a member. */
    Optional<Membership> membershipIn(UUID accountId) {
        return memberships.stream().filter(m -> m.accountId().equals(accountId)).findFirst();
    }

    /** Whether the current role holds {@code permission} (to show or hide what the services would refuse). */
    public boolean can(String permission) {
        return current != null && current.grants(Permission.valueOf(permission));
    }

    Optional<Membership> currentMembership() {
        return Optional.ofNullable(current);
    }

    /**
     * True at most once per five minutes per account: how often "last active" on the team page is written, so
     * browsing does not turn every page view into a database write.
     */
    boolean activityDue(UUID accountId) {
        Instant now = Instant.now();
        Instant last = lastActivity.get(accountId);
        if (last != null && last.isAfter(now.minus(Duration.ofMinutes(5)))) {
            return false;
        }
        lastActivity.put(accountId, now);
        return true;
    }

    boolean isTwoFactorOn() {
        if (twoFactorOn == null) {
            twoFactorOn = user != null && twoFactor.isEnabled(user.id());
        }
        return twoFactorOn;
    }

    /** Whether the signed-in user's address is known to be confirmed (no need to ask the database again). */
    boolean isEmailConfirmed() {
        return emailConfirmed;
    }

    void emailConfirmed() {
        emailConfirmed = true;
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
