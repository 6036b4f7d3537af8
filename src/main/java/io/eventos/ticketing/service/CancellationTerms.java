package io.eventos.ticketing.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the buyer of one order may do about cancelling it, and the sentence that says so on the private order page:
 * "You can cancel this order until 12 March, 18:00 (Europe/Berlin) and get €49.00 back." Made by
 * {@link BuyerCancellationService#terms}.
 *
 * @param state       what is possible now
 * @param deadline    the end of the policy's window (null when the policy is "cannot cancel")
 * @param refundMinor what the buyer gets back when cancelling now (0: free, unpaid, or nothing left)
 * @param byHand      the money goes back by the organizer's own transfer (bank transfer orders), not by the provider
 * @param contact     whom to write to: the event's organizer email, else the account's contact email, else its name
 */
public record CancellationTerms(State state, Instant deadline, String timeZone, long refundMinor, String currency,
                                boolean byHand, String contact, Instant requestedAt, String requestNote,
                                String reply) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN_WITH_YEAR = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm",
            Locale.ENGLISH);

    public enum State {
        /** The policy says buyers cannot cancel. */
        NOT_ALLOWED,
        /** The policy's deadline has passed. */
        CLOSED,
        /** The buyer can cancel now (refunded in full at once, or nothing to refund). */
        CAN_CANCEL,
        /** The buyer can ask for a refund now. */
        CAN_REQUEST,
        /** The buyer asked; the organizer has not answered yet. */
        REQUESTED,
        /** The organizer declined the request. */
        DECLINED,
        /** The order is cancelled or expired: nothing left to do. */
        OVER
    }

    public boolean canCancel() {
        return state == State.CAN_CANCEL;
    }

    public boolean canRequest() {
        return state == State.CAN_REQUEST;
    }

    public String refund() {
        return Money.format(refundMinor, currency);
    }

    /** The deadline as the buyer reads it, in the event's zone: "12 March, 18:00 (Europe/Berlin)". */
    public String deadlineText() {
        return deadline == null ? null : at(deadline);
    }

    private String at(Instant instant) {
        var local = instant.atZone(ZoneId.of(timeZone));
        DateTimeFormatter format = local.getYear() == Instant.now().atZone(ZoneId.of(timeZone)).getYear()
                ? WHEN : WHEN_WITH_YEAR;
        return format.format(local) + " (" + timeZone + ")";
    }

    /** The one sentence the order page shows; null when the order is over (its status says it all). */
    public String sentence() {
        return switch (state) {
            case CAN_CANCEL -> "You can cancel this order until " + deadlineText()
                    + (refundMinor > 0 ? " and get " + refund() + " back" + (byHand ? " (the organizer transfers it "
                    + "to you)" : "") : "") + ".";
            case CAN_REQUEST -> refundMinor > 0
                    ? "You can ask for a refund of " + refund() + " until " + deadlineText()
                      + "; the organizer decides and answers by email."
                    : "You can cancel this order until " + deadlineText() + ".";
            case REQUESTED -> "You asked for a refund on " + at(requestedAt)
                    + ". The organizer decides and answers by email.";
            case DECLINED -> "The organizer declined your refund request" + (reply == null ? "." : ": “" + reply + "”")
                    + " Questions? Write to " + contact + ".";
            case CLOSED -> "Cancellations for this event closed on " + deadlineText()
                    + ". To change your order, write to " + contact + ".";
            case NOT_ALLOWED -> "This order cannot be cancelled online. To change it, write to " + contact + ".";
            case OVER -> null;
        };
    }
}
