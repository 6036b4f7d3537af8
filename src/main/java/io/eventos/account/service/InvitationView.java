package io.eventos.account.service;

import java.io.Serializable;
import java.util.UUID;

/**
 * What the invitation page knows about a link: whether it can still be used, and if it names a real invitation, the
 * account, who invited, the role and the invited address; for a signed-in visitor, whether they are the invited
 * person and whether they already belong to the account.
 *
 * @param emailHasUser     the invited address belongs to an EventOS user (who signs in to join, instead of signing up)
 * @param signedInEmail    the signed-in visitor's address, or null
 * @param signedInIsInvitee the signed-in visitor has the invited address
 * @param alreadyMember    the signed-in visitor is the invitee and a member of the account already
 */
public record InvitationView(Status status, UUID accountId, String accountName, String inviterName, String role,
                             boolean limitedToEvents, String email, boolean emailHasUser, String signedInEmail,
                             boolean signedInIsInvitee, boolean alreadyMember) implements Serializable {

    /** What a link is worth. */
    public enum Status { OPEN, UNKNOWN, EXPIRED, USED, REVOKED }

    static InvitationView unknown() {
        return new InvitationView(Status.UNKNOWN, null, null, null, null, false, null, false, null, false, false);
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    public boolean signedIn() {
        return signedInEmail != null;
    }
}
