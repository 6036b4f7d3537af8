package io.eventos.account.service;

import io.eventos.platform.web.RequestOrigin;
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

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String address = RequestOrigin.current().map(RequestOrigin::ip).orElse(null);
        return users.authenticate(login.getCaller(), login.getPasswordAsString(), address).signedIn()
                .map(user -> new CredentialValidationResult(user.id().toString(), Set.of(SIGNED_IN)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
