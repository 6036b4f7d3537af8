package io.eventos.ticketing.service;

/** What happened when the buyer paid: paid (now or before), or a sentence saying why not. */
public record PaymentAttempt(boolean paid, String problem) {

    static PaymentAttempt success() {
        return new PaymentAttempt(true, null);
    }

    static PaymentAttempt refused(String problem) {
        return new PaymentAttempt(false, problem);
    }
}
