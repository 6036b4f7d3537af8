package io.eventos.account.service;

import io.eventos.account.domain.MemberRole;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.Permission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.RequestMemo;
import io.eventos.platform.tenancy.DeviceGrant;
import jakarta.enterprise.context.ApplicationScoped;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers "may the signed-in user do this here?" from their membership row in the bound account, read in the
 * caller's transaction (row level security limits it to that account). In a web request the row is read once for the
 * whole request ({@link RequestMemo}: the memberships the organizer header loaded, or one read), so a changed role
 * counts from the member's next request; outside a request (timers, the outbox) every check reads it.
 */
@ApplicationScoped
public class MembershipAuthorizer implements Authorizer {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Override
    public void check(Permission permission, UUID eventId) {
        Optional<DeviceGrant> device = deviceWithoutUser();
        if (device.isPresent()) {
            // a check-in device signed in by its link: check people in to its own event, nothing else
            if (permission != Permission.CHECK_IN || !device.get().eventId().equals(eventId)) {
                throw new AccessDeniedException("This check-in device may only admit people to its own event.");
            }
            return;
        }
        Member member = currentMember();
        if (!member.role().grants(permission)) {
            throw new AccessDeniedException("Your role (" + member.role().label() + ") does not allow "
                    + describe(permission) + ".");
        }
        if (member.eventScope().isPresent()) {
            if (!permission.isEventPermission()) {
                throw new AccessDeniedException("You work on selected events only, so you cannot "
                        + describe(permission) + ".");
            }
            if (eventId != null && !member.eventScope().get().contains(eventId)) {
                throw new AccessDeniedException("You work on selected events only, and this is not one of them.");
            }
        }
    }

    @Override
    public Optional<Set<UUID>> eventScope() {
        Optional<DeviceGrant> device = deviceWithoutUser();
        if (device.isPresent()) {
            return Optional.of(Set.of(device.get().eventId()));
        }
        return currentMember().eventScope();
    }

    private static Optional<DeviceGrant> deviceWithoutUser() {
        return CurrentTenant.user().isPresent() ? Optional.empty() : CurrentTenant.device();
    }

    /** The signed-in user's role in the bound account. */
    public MemberRole currentRole() {
        return currentMember().role();
    }

    private Member currentMember() {
        UUID userId = CurrentTenant.user()
                .orElseThrow(() -> new AccessDeniedException("Sign in to do this."));
        UUID accountId = CurrentTenant.require();
        // in a web request, the memberships the request read for its header answer every check of the request
        Optional<Member> known = RequestMemo.<List<Membership>>peek(UserDirectory.membershipsKey(userId))
                .flatMap(all -> all.stream().filter(m -> m.accountId().equals(accountId)).findFirst())
                .map(m -> new Member(m.memberRole(), m.eventScope()));
        return known.orElseGet(() -> RequestMemo.get(List.of("member", accountId, userId),
                () -> readMember(accountId, userId)));
    }

    private Member readMember(UUID accountId, UUID userId) {
        // the account is named, not left to row level security: with app.user_id set, the policy own_memberships
        // also shows the user's memberships in their other accounts (the switcher needs that)
        List<?> rows = em.createNativeQuery("""
                        select role, event_scope::text from account_users
                        where account_id = ?1 and user_id = ?2 and status = 'active'""")
                .setParameter(1, accountId)
                .setParameter(2, userId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new AccessDeniedException("You are not a member of this account.");
        }
        Object[] row = (Object[]) rows.get(0);
        MemberRole role = MemberRole.valueOf(((String) row[0]).toUpperCase(Locale.ROOT));
        return new Member(role, parseScope((String) row[1]));
    }

    static Optional<Set<UUID>> parseScope(String json) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonArray ids = reader.readArray();
            return Optional.of(ids.getValuesAs(JsonString.class).stream()
                    .map(id -> UUID.fromString(id.getString()))
                    .collect(Collectors.toUnmodifiableSet()));
        }
    }

    private static String describe(Permission permission) {
        return switch (permission) {
            case BILLING -> "managing billing";
            case ACCOUNT_SETTINGS -> "changing the account settings";
            case ACCOUNT_SECURITY -> "changing the account's security rules";
            case TEAM_MANAGE -> "managing the team";
            case OWNERSHIP_TRANSFER -> "handing the account to someone else";
            case AUDIT_VIEW -> "reading the audit log";
            case EVENTS_MANAGE -> "changing events";
            case TICKETS_MANAGE -> "changing tickets";
            case ORDERS_MANAGE -> "changing orders";
            case ORDERS_REFUND -> "refunds";
            case CONTACTS_VIEW -> "seeing contacts";
            case CONTACTS_MANAGE -> "changing contacts";
            case CONTACTS_MANAGE_ALL -> "changing contacts that others own";
            case CONTACTS_ERASE -> "erasing contacts";
            case CAMPAIGNS_MANAGE -> "campaigns";
            case INTEGRATIONS_MANAGE -> "managing integrations";
            case DATA_EXPORT -> "exporting data";
            case CHECK_IN -> "checking people in";
            case VIEW -> "seeing this account";
            case ACCOUNT_VIEW -> "seeing the team and the account settings";
        };
    }

    private record Member(MemberRole role, Optional<Set<UUID>> eventScope) {
    }
}
