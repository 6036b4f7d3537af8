package io.eventos.account.service;

import io.eventos.account.domain.PasswordPolicy;
import io.eventos.account.domain.User;
import io.eventos.account.service.InvitationDesk.JoinResult;
import io.eventos.account.service.SignUpException.Field;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepting an invitation from its link ({@code /invite.xhtml?account=<account id>&token=<token>}). The
 * {@code invitations} table has row level security forced, so the link names the account: it is bound first, then
 * {@link InvitationDesk} looks the token up inside it (a wrong account id finds nothing, like a wrong token). The
 * account id rather than the public slug, so links keep working when the account's address changes in the
 * settings. Three ways to join: a signed-in user with the invited address; an existing user who signs in first;
 * a new user who signs up on the invitation page (the address is fixed to the invited one and counts as confirmed:
 * the link was mailed to it).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvitationAcceptance {

    @EJB
    InvitationDesk desk;
    @Inject
    PasswordHasher hasher;

    /** What the link is worth, as seen by {@code signedInUser} (null when nobody is signed in). */
    public InvitationView open(String accountId, String token, UUID signedInUser) {
        Optional<UUID> account = parseAccount(accountId);
        if (account.isEmpty() || !isTokenShaped(token)) {
            return InvitationView.unknown();
        }
        try (var tenant = CurrentTenant.bind(account.get()); var user = CurrentTenant.bindUser(signedInUser)) {
            return desk.view(token, signedInUser);
        }
    }

    /** The signed-in user joins (see {@link InvitationDesk#join}); {@code joined()} false says why not. */
    public JoinResult join(String accountId, String token, UUID userId) {
        Optional<UUID> account = parseAccount(accountId);
        if (account.isEmpty() || !isTokenShaped(token) || userId == null) {
            return new JoinResult(false, InvitationView.unknown());
        }
        try (var tenant = CurrentTenant.bind(account.get()); var user = CurrentTenant.bindUser(userId)) {
            return desk.join(token, userId);
        }
    }

    /**
     * Creates a user with the invited address, {@code name} and {@code password} (the sign-up rules), who joins the
     * account. {@code joined()} false: the link cannot be used (any more), or its address has a user already.
     *
     * @throws SignUpException with one sentence per field (NAME, PASSWORD; EMAIL when the address was registered
     *                         meanwhile)
     */
    public JoinResult signUpAndJoin(String accountId, String token, String name, String password) {
        InvitationView view = open(accountId, token, null);
        if (!view.open() || view.emailHasUser()) {
            return new JoinResult(false, view);
        }
        String cleanName = name == null ? "" : name.strip();
        Map<Field, String> problems = new EnumMap<>(Field.class);
        if (cleanName.isEmpty()) {
            problems.put(Field.NAME, SignUpService.NAME_MISSING);
        } else if (cleanName.length() > SignUpService.MAX_NAME) {
            problems.put(Field.NAME, SignUpService.NAME_TOO_LONG);
        }
        if (password == null || password.isEmpty()) {
            problems.put(Field.PASSWORD, SignUpService.PASSWORD_MISSING);
        } else {
            PasswordPolicy.problem(password, view.email()).ifPresent(p -> problems.put(Field.PASSWORD, p));
        }
        if (!problems.isEmpty()) {
            throw new SignUpException(problems, false);
        }
        User user = new User(view.email(), cleanName);
        user.setPasswordHash(hasher.hash(password));
        try (var tenant = CurrentTenant.bind(view.accountId()); var actor = CurrentTenant.bindUser(user.getId())) {
            return desk.createUserAndJoin(token, user);
        } catch (InvitationDesk.EmailTaken taken) {
            throw new SignUpException(Map.of(Field.EMAIL, SignUpException.EMAIL_TAKEN), true);
        }
    }

    static boolean isTokenShaped(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{20,100}");
    }

    private static Optional<UUID> parseAccount(String accountId) {
        if (accountId == null || !accountId.matches("[0-9a-fA-F-]{36}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(accountId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
