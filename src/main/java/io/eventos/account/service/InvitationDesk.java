package io.eventos.account.service;

import io.eventos.account.domain.Account;
import io.eventos.account.domain.AccountStatus;
import io.eventos.account.domain.AccountUser;
import io.eventos.account.domain.Invitation;
import io.eventos.account.domain.User;
import io.eventos.account.domain.UserStatus;
import io.eventos.account.service.InvitationView.Status;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.tenancy.RequestMemo;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The invitation link's side, inside the invitation's account ({@link TenantBound}: {@link InvitationAcceptance}
 * binds the account named by the link first, so row level security shows this account's invitations only and the
 * token must match one of them). Nobody here is a member yet, so nothing is guarded by a permission: the token is
 * the credential. Joining locks the invitation row, so a link works once even when used twice at the same moment.
 */
@Stateless
@TenantBound
public class InvitationDesk {

    private static final Logger LOG = Logger.getLogger(InvitationDesk.class.getName());

    /** The new user's address was registered between the check and the write (the transaction rolled back). */
    @ApplicationException(rollback = true)
    public static class EmailTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EmailTaken(PersistenceException cause) {
            super("email taken", cause);
        }
    }

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** What the link is worth, and to whom, as seen by {@code signedInUser} (null: nobody signed in). */
    public InvitationView view(String token, UUID signedInUser) {
        return view(find(token, false), signedInUser);
    }

    /**
     * The signed-in user {@code userId} joins with the invitation's role and events, if the link is open, they have
     * the invited address and are not a member yet; otherwise nothing changes and the view says why.
     */
    public JoinResult join(String token, UUID userId) {
        Optional<Invitation> found = find(token, true);
        InvitationView view = view(found, userId);
        if (!view.open() || !view.signedInIsInvitee() || view.alreadyMember()) {
            return new JoinResult(false, view);
        }
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.getStatus() != UserStatus.ACTIVE) {
            return new JoinResult(false, view);
        }
        addMember(found.get(), user, false);
        return new JoinResult(true, view);
    }

    /**
     * A new user with the invited address (confirmed: the link was mailed to it) joins with the invitation's role
     * and events. {@code user} is built by the caller with its password hash; its id is the bound user.
     *
     * @throws EmailTaken when a user with that address was created meanwhile
     */
    public JoinResult createUserAndJoin(String token, User user) {
        Optional<Invitation> found = find(token, true);
        InvitationView view = view(found, null);
        if (!view.open() || view.emailHasUser()
                || !user.getEmail().equalsIgnoreCase(found.get().getEmail())) {
            return new JoinResult(false, view);
        }
        user.setEmailVerifiedAt(clock.instant());
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (String.valueOf(e.getMessage()).contains("users_email_key")) {
                throw new EmailTaken(e);
            }
            throw e;
        }
        addMember(found.get(), user, true);
        return new JoinResult(true, view);
    }

    private void addMember(Invitation invitation, User user, boolean newUser) {
        Instant now = clock.instant();
        AccountUser membership = new AccountUser(user.getId(), invitation.getRole());
        membership.setEventScopeJson(invitation.getEventScopeJson());
        membership.setInvitedBy(invitation.getInvitedBy());
        em.persist(membership);
        RequestMemo.forgetAll();
        invitation.accept(user.getId(), now);
        user.setLastAccountId(CurrentTenant.require()); // the next sign-in lands in the account just joined
        if (user.getEmailVerifiedAt() == null) {
            user.setEmailVerifiedAt(now); // the link was mailed to this address, and this is its user
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("email", user.getEmail());
        after.put("role", invitation.getRole().label());
        after.put("event_scope", MembershipAuthorizer.parseScope(invitation.getEventScopeJson())
                .<Object>map(ids -> ids.stream().map(UUID::toString).sorted().toList())
                .orElse("all events"));
        after.put("invitation", invitation.getId().toString());
        after.put("new_user", newUser);
        audit.record("member.joined", "member", user.getId(), null, after);
        em.flush();
        LOG.info(() -> "User " + user.getId() + " joined account " + CurrentTenant.require() + " by invitation "
                + invitation.getId());
    }

    private InvitationView view(Optional<Invitation> found, UUID signedInUser) {
        UUID accountId = CurrentTenant.require();
        Account account = em.find(Account.class, accountId);
        if (found.isEmpty() || account == null || account.getStatus() != AccountStatus.ACTIVE) {
            return InvitationView.unknown();
        }
        Invitation invitation = found.get();
        Instant now = clock.instant();
        Status status = invitation.getRevokedAt() != null ? Status.REVOKED
                : invitation.getAcceptedAt() != null ? Status.USED
                : invitation.isExpiredAt(now) ? Status.EXPIRED
                : Status.OPEN;
        User inviter = invitation.getInvitedBy() == null ? null : em.find(User.class, invitation.getInvitedBy());
        boolean emailHasUser = !em.createQuery("select u.id from User u where lower(u.email) = :email", UUID.class)
                .setParameter("email", invitation.getEmail().toLowerCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultList().isEmpty();
        User visitor = signedInUser == null ? null : em.find(User.class, signedInUser);
        boolean invitee = visitor != null && visitor.getEmail().equalsIgnoreCase(invitation.getEmail());
        boolean member = invitee && !em.createNativeQuery(
                        "select 1 from account_users where account_id = ?1 and user_id = ?2")
                .setParameter(1, accountId)
                .setParameter(2, visitor.getId())
                .getResultList().isEmpty();
        return new InvitationView(status, accountId, account.getName(), inviter == null ? null : inviter.getName(),
                invitation.getRole().label(), invitation.getEventScopeJson() != null, invitation.getEmail(),
                emailHasUser, visitor == null ? null : visitor.getEmail(), invitee, member);
    }

    private Optional<Invitation> find(String token, boolean lock) {
        if (!InvitationAcceptance.isTokenShaped(token)) {
            return Optional.empty();
        }
        var query = em.createQuery("select i from Invitation i where i.tokenHash = :hash", Invitation.class)
                .setParameter("hash", EmailLinks.sha256Hex(token));
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<Invitation> found = query.getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Whether the visitor joined, and the link as it was seen (to say why not). */
    public record JoinResult(boolean joined, InvitationView invitation) {
    }
}
