package io.eventos.ticketing.service;

import jakarta.ejb.ApplicationException;

/**
 * A sale that cannot go ahead, with one sentence for the buyer and the part of the form it concerns. Rolls the
 * transaction back; reaches the page unwrapped (an application exception), never as a 500.
 */
@ApplicationException(rollback = true)
public class SaleRefusedException extends RuntimeException {

    /** Where on the checkout the sentence belongs. */
    public enum Field { QUANTITY, PROMO_CODE, BUYER, ATTENDEE, HOLD, PAYMENT, EVENT, BUSY, CANCELLATION }

    private final Field field;
    private final transient Object subject;

    public SaleRefusedException(Field field, Object subject, String sentence) {
        super(sentence, null, false, false);
        this.field = field;
        this.subject = subject;
    }

    public SaleRefusedException(Field field, String sentence) {
        this(field, null, sentence);
    }

    public Field field() {
        return field;
    }

    /** The ticket type id, attendee index or similar the sentence is about, if any. */
    public Object subject() {
        return subject;
    }

    static SaleRefusedException busy() {
        return new SaleRefusedException(Field.BUSY,
                "Many people are buying tickets right now; please try again in a moment. Nothing was charged.");
    }
}
