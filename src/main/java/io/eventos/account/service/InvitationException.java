package io.eventos.account.service;

import io.eventos.platform.input.InputRefusedException;
import jakarta.ejb.ApplicationException;

import java.util.Locale;

/**
 * An invitation the rules refuse (an address that is already a member, a role above the inviter's, events of another
 * account, ...): one sentence for the user, and the field of the invite form it belongs next to.
 */
@ApplicationException(rollback = true)
public class InvitationException extends InputRefusedException {

    private static final long serialVersionUID = 1L;

    /** The fields of the invite form; {@code NONE} for a refusal that belongs to no field (shown at the top). */
    public enum Field { EMAIL, ROLE, EVENTS, NONE }

    private final Field field;

    public InvitationException(Field field, String message) {
        super(field == Field.NONE ? null : field.name().toLowerCase(Locale.ROOT), message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
