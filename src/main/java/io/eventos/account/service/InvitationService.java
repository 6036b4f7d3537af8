package io.eventos.account.service;

import io.eventos.account.domain.Account;
import io.eventos.account.domain.Invitation;
import io.eventos.account.domain.MemberRole;
import io.eventos.account.domain.User;
import io.eventos.account.service.InvitationException.Field;
import io.eventos.platform.mail.TransactionalMail;
import io.eventos.platform.mail.MailMessage;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Inviting people into the bound account by email (the team page): send, list the open invitations, send again,
 * withdraw. An invitation carries a role and optionally a list of events the new member is limited to; its link
 * (account id + a random token, of which only the SHA-256 is stored) works once, for {@link #VALIDITY}. Rules: the
 * same as for role changes ({@link TeamService}): only an owner may invite an owner, nobody invites above their own
 * role; an address that is already a member is refused; inviting an address with an open invitation refreshes that
 * invitation (the older link stops working). Every change is in the audit log; mail leaves after the commit.
 * Accepting is {@link InvitationAcceptance}.
 */
@Stateless
@TenantBound
public class InvitationService {

    public static final Duration VALIDITY = Duration.ofDays(7);

    public static final String EMAIL_MISSING = "Enter the email address of the person to invite.";
    public static final String ROLE_MISSING = "Choose one of the roles owner, admin, manager, member or viewer.";
    public static final String OWNER_ONLY = "Only an owner can invite an owner.";
    public static final String WHOLE_ACCOUNT_ROLES = "Owners and admins work on the whole account; choose manager, "
            + "member or viewer to limit someone to some events.";
    public static final String UNKNOWN_EVENT = "Choose events of this account.";
    public static final String NOT_OPEN = "This invitation is no longer open: it was accepted or withdrawn meanwhile.";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    MembershipAuthorizer authorizer;
    @Inject
    TransactionalMail mail;
    @Inject
    TeamEvents events;

    Clock clock = Clock.systemUTC();

    /** The invitation that was sent, and whether it replaced an open one to the same address. */
    public record Sent(UUID invitationId, String email, boolean replacedEarlier) {
    }

    /** The sentence next to the email field when the address is already a member. */
    public static String alreadyMember(String email) {
        return email + " is already a member of this account.";
    }

    /**
     * Invites {@code email} with a role ("owner", ..., "viewer"), limited to {@code eventIds} when that is not empty,
     * and mails the link ({@code baseUrl}: the application's address without a trailing slash).
     *
     * @throws InvitationException with the field the sentence belongs to
     */
    @RequiresPermission(Permission.TEAM_MANAGE)
    public Sent invite(String email, String roleName, Collection<UUID> eventIds, String baseUrl) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) {
            throw new InvitationException(Field.EMAIL, EMAIL_MISSING);
        }
        if (!SignUpService.isEmailAddress(address)) {
            throw new InvitationException(Field.EMAIL, SignUpService.EMAIL_INVALID);
        }
        MemberRole role = parseRole(roleName);
        requireMayGrant(role);
        Set<UUID> scope = eventIds == null ? Set.of() : new TreeSet<>(eventIds);
        if (!scope.isEmpty() && role.atLeast(MemberRole.ADMIN)) {
            throw new InvitationException(Field.EVENTS, WHOLE_ACCOUNT_ROLES);
        }
        List<String> eventNames = new ArrayList<>();
        for (UUID eventId : scope) {
            eventNames.add(events.name(eventId)
                    .orElseThrow(() -> new InvitationException(Field.EVENTS, UNKNOWN_EVENT)));
        }
        lockAddress(address);
        if (isMember(address)) {
            throw new InvitationException(Field.EMAIL, alreadyMember(address));
        }
        Instant now = clock.instant();
        String token = EmailLinks.newToken();
        String scopeJson = scope.isEmpty() ? null : scopeJson(scope);
        UUID inviter = CurrentTenant.user().orElseThrow();
        Optional<Invitation> open = openInvitationTo(address);
        Invitation invitation;
        Map<String, Object> before = null;
        if (open.isPresent()) {
            invitation = open.get();
            before = describe(invitation);
            invitation.refresh(EmailLinks.sha256Hex(token), now.plus(VALIDITY), role, scopeJson, inviter);
        } else {
            invitation = new Invitation(address, role, EmailLinks.sha256Hex(token), now.plus(VALIDITY));
            invitation.setInvitedBy(inviter);
            invitation.setEventScopeJson(scopeJson);
            em.persist(invitation);
        }
        Map<String, Object> after = describe(invitation);
        if (!eventNames.isEmpty()) {
            after.put("events", eventNames);
        }
        UUID auditId = audit.record("member.invited", "invitation", invitation.getId(), before, after).getId();
        mail.send("member.invited", auditId, invitationMail(invitation, eventNames, token, baseUrl));
        return new Sent(invitation.getId(), address, open.isPresent());
    }

    /** Open invitations (not accepted, not withdrawn; expired ones too, marked so), newest first. */
    @RequiresPermission(Permission.TEAM_MANAGE)
    public List<PendingInvitation> pending() {
        List<Invitation> open = em.createQuery("""
                        select i from Invitation i where i.acceptedAt is null and i.revokedAt is null
                        order by i.expiresAt desc, i.email""", Invitation.class)
                .setMaxResults(500)
                .getResultList();
        Map<UUID, String> names = new HashMap<>();
        Set<UUID> inviters = new TreeSet<>();
        open.stream().map(Invitation::getInvitedBy).filter(java.util.Objects::nonNull).forEach(inviters::add);
        if (!inviters.isEmpty()) {
            em.createQuery("select u from User u where u.id in :ids", User.class).setParameter("ids", inviters)
                    .getResultStream().forEach(u -> names.put(u.getId(), u.getName()));
        }
        Map<UUID, Optional<String>> eventNames = new HashMap<>();
        Instant now = clock.instant();
        return open.stream().map(i -> {
            Optional<Set<UUID>> scope = MembershipAuthorizer.parseScope(i.getEventScopeJson());
            List<String> scoped = scope.orElse(Set.of()).stream()
                    .map(id -> eventNames.computeIfAbsent(id, e -> events.name(e)))
                    .flatMap(Optional::stream)
                    .sorted()
                    .toList();
            return new PendingInvitation(i.getId(), i.getEmail(), i.getRole().label(), scope.isPresent(), scoped,
                    i.getInvitedBy() == null ? "" : names.getOrDefault(i.getInvitedBy(), ""), i.getExpiresAt(),
                    i.isExpiredAt(now));
        }).toList();
    }

    /**
     * Mails a new link for an open invitation, valid for another {@link #VALIDITY}; the earlier link stops working.
     *
     * @throws InvitationException when the invitation is no longer open (or not in this account)
     */
    @RequiresPermission(Permission.TEAM_MANAGE)
    public String resend(UUID invitationId, String baseUrl) {
        Invitation invitation = lockedOpen(invitationId);
        requireMayGrant(invitation.getRole());
        String token = EmailLinks.newToken();
        invitation.refresh(EmailLinks.sha256Hex(token), clock.instant().plus(VALIDITY), invitation.getRole(),
                invitation.getEventScopeJson(), invitation.getInvitedBy());
        List<String> eventNames = MembershipAuthorizer.parseScope(invitation.getEventScopeJson()).orElse(Set.of())
                .stream().map(events::name).flatMap(Optional::stream).sorted().toList();
        UUID auditId = audit.record("invitation.resent", "invitation", invitation.getId(), null,
                Map.of("email", invitation.getEmail(), "expires_at", invitation.getExpiresAt().toString())).getId();
        mail.send("invitation.resent", auditId, invitationMail(invitation, eventNames, token, baseUrl));
        return invitation.getEmail();
    }

    /**
     * Withdraws an open invitation: its link no longer works. Withdrawing one that is already withdrawn changes
     * nothing (two people may click at once).
     *
     * @throws InvitationException when it was accepted meanwhile (or is not in this account)
     */
    @RequiresPermission(Permission.TEAM_MANAGE)
    public String revoke(UUID invitationId) {
        Invitation invitation = em.find(Invitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
        if (invitation == null) {
            throw new InvitationException(Field.NONE, NOT_OPEN);
        }
        if (invitation.getRevokedAt() != null) {
            return invitation.getEmail();
        }
        if (invitation.getAcceptedAt() != null) {
            throw new InvitationException(Field.NONE, invitation.getEmail()
                    + " has accepted the invitation already; remove them from the team instead.");
        }
        requireMayGrant(invitation.getRole());
        invitation.revoke(clock.instant());
        audit.record("invitation.revoked", "invitation", invitation.getId(), describe(invitation), null);
        return invitation.getEmail();
    }

    /** The same rule as for role changes: only an owner hands out (or withdraws) ownership; nobody above their role. */
    private void requireMayGrant(MemberRole role) {
        MemberRole mine = authorizer.currentRole();
        if (role == MemberRole.OWNER && mine != MemberRole.OWNER) {
            throw new InvitationException(Field.ROLE, OWNER_ONLY);
        }
        if (!mine.atLeast(role)) {
            throw new InvitationException(Field.ROLE,
                    "You cannot invite someone with a stronger role than your own (" + mine.label() + ").");
        }
    }

    private Invitation lockedOpen(UUID invitationId) {
        Invitation invitation = invitationId == null ? null
                : em.find(Invitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
        if (invitation == null || !invitation.isOpen()) {
            throw new InvitationException(Field.NONE, NOT_OPEN);
        }
        return invitation;
    }

    /**
     * Invitations of one address in this account happen one at a time (a transaction-level advisory lock), so two
     * admins inviting the same person at once end with one open invitation, not a unique-key error.
     */
    private void lockAddress(String address) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "invitation:" + CurrentTenant.require() + ":" + address.toLowerCase(Locale.ROOT))
                .getResultList();
    }

    /** Whether a user with this address belongs to the bound account (named explicitly: see MembershipAuthorizer). */
    private boolean isMember(String address) {
        return !em.createNativeQuery("""
                        select 1 from account_users au join users u on u.id = au.user_id
                        where au.account_id = ?1 and lower(u.email) = ?2""")
                .setParameter(1, CurrentTenant.require())
                .setParameter(2, address.toLowerCase(Locale.ROOT))
                .getResultList().isEmpty();
    }

    private Optional<Invitation> openInvitationTo(String address) {
        return em.createQuery("""
                        select i from Invitation i
                        where lower(i.email) = :email and i.acceptedAt is null and i.revokedAt is null""",
                        Invitation.class)
                .setParameter("email", address.toLowerCase(Locale.ROOT))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    static MemberRole parseRole(String roleName) {
        try {
            return MemberRole.valueOf(String.valueOf(roleName).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvitationException(Field.ROLE, ROLE_MISSING);
        }
    }

    /** The JSON array of event ids that {@code account_users.event_scope} holds (UUIDs need no escaping). */
    static String scopeJson(Set<UUID> eventIds) {
        return eventIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** What the audit log keeps of an invitation: to whom, which role, which events, until when. */
    private static Map<String, Object> describe(Invitation invitation) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", invitation.getEmail());
        state.put("role", invitation.getRole().label());
        state.put("event_scope", MembershipAuthorizer.parseScope(invitation.getEventScopeJson())
                .<Object>map(ids -> ids.stream().map(UUID::toString).sorted().toList())
                .orElse("all events"));
        state.put("expires_at", invitation.getExpiresAt().toString());
        return state;
    }

    private MailMessage invitationMail(Invitation invitation, List<String> eventNames, String token, String baseUrl) {
        Account account = em.find(Account.class, CurrentTenant.require());
        User inviter = invitation.getInvitedBy() == null ? null : em.find(User.class, invitation.getInvitedBy());
        String link = baseUrl + "/invite.xhtml?account=" + account.getId() + "&token=" + token;
        return invitationMail(invitation.getEmail(), account.getName(), inviter == null ? null : inviter.getName(),
                invitation.getRole(), eventNames, link);
    }

    static MailMessage invitationMail(String to, String accountName, String inviterName, MemberRole role,
                                      List<String> eventNames, String link) {
        String who = inviterName == null || inviterName.isBlank() ? "A member of " + accountName : inviterName;
        String as = (role == MemberRole.ADMIN || role == MemberRole.OWNER ? "an " : "a ") + role.label();
        String events = eventNames.isEmpty() ? "" : ", for these events only: " + String.join(", ", eventNames);
        String text = """
                Hello,

                %s invited you to join %s on EventOS as %s%s.
                Open this link within 7 days to accept the invitation:

                %s

                The link works once. If you did not expect this invitation, ignore this email.

                EventOS
                """.formatted(who, accountName, as, events, link);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body>
                <p>Hello,</p>
                <p>%s invited you to join %s on EventOS as %s%s.
                Open this link within 7 days to accept the invitation:</p>
                <p><a href="%s">Accept the invitation</a></p>
                <p>The link works once. If you did not expect this invitation, ignore this email.</p>
                <p>EventOS</p>
                </body></html>
                """.formatted(EmailLinks.escapeHtml(who), EmailLinks.escapeHtml(accountName), as,
                EmailLinks.escapeHtml(events), EmailLinks.escapeHtml(link));
        return new MailMessage(to, who + " invited you to " + accountName + " on EventOS", text, html, List.of());
    }
}
