package io.eventos.ticketing.service;

/**
 * The outcome of a buyer's cancellation: what was refunded altogether, whether the organizer transfers it by hand
 * (a bank-transfer order), and whether the order had already been cancelled (a second click: nothing happened).
 */
public record BuyerCancelled(long refundedMinor, String currency, boolean byHand, boolean already) {

    /** "Your order is cancelled and €49.00 is refunded to your card." */
    public String sentence() {
        if (refundedMinor <= 0) {
            return "Your order is cancelled; its tickets no longer work. We sent you a confirmation by email.";
        }
        String amount = Money.format(refundedMinor, currency);
        return "Your order is cancelled and " + amount + (byHand ? " will be transferred back to you by the organizer."
                : " is refunded to the card you paid with.") + " We sent you a confirmation by email.";
    }
}
