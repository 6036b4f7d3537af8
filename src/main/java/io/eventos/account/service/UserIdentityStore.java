package io.eventos.account.service;

import io.eventos.platform.tenancy.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/** Jakarta Security identity store over the {@code users} table; the caller name is the user's id. */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    /** The one container role: signed in. What a member may do per account is decided by the services. */
    public static final String SIGNED_IN = "user";

    @Inject
    UserDirectory users;

    @Inject
    SignInTickets tickets;
    @Inject
    TwoFactorService twoFactor;

    /**
     * A ticket from the sign-in page (which checked the password and, where it is on, the second factor), or a
     * plain email and password for users without two-factor authentication.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof SignInTicketCredential ticket) {
            return tickets.redeem(ticket.ticket()).map(UserIdentityStore::valid)
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        }
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String address = RequestOrigin.current().map(RequestOrigin::ip).orElse(null);
        SignInResult result = users.authenticate(login.getCaller(), login.getPasswordAsString(), address);
        return result.signedIn()
                .filter(user -> !twoFactor.isEnabled(user.id())) // a password alone is not enough then
                .filter(user -> users.completeSignIn(user.id(), result.sessionGeneration(), address))
                .map(user -> valid(user.id()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static CredentialValidationResult valid(java.util.UUID userId) {
        return new CredentialValidationResult(userId.toString(), Set.of(SIGNED_IN));
    }
}
