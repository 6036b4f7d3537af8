package io.eventos.ticketing.service.payment;

import java.time.Duration;
import java.util.Map;

/**
 * A way to pay for an order. Providers are CDI beans found by {@link #id()}; a real gateway (e.g. Stripe) is one
 * more implementation of this interface. A provider only talks to its gateway: the checkout owns orders, capacity
 * and the business record.
 */
public interface PaymentProvider {

    /** Stored in orders.payment_provider and payments.provider, e.g. "test_card". */
    String id();

    /** What the buyer sees, e.g. "Card". */
    String label();

    /** True if the buyer pays later (the order waits, pending, until someone marks it paid). */
    default boolean paysLater() {
        return false;
    }

    /** How long an order placed with this provider keeps its tickets while waiting for the money. */
    Duration paymentWindow();

    /** Takes the money now. Never throws for a refusal: a declined or failed charge is a result. */
    ChargeResult charge(ChargeRequest request);

    /** Gives money back for a paid order. */
    ChargeResult refund(String chargeRef, long amountMinor, String currency);

    /** One charge: amount, currency, the order's code and the details the buyer typed (e.g. card number). */
    record ChargeRequest(String orderCode, long amountMinor, String currency, Map<String, String> details) {
    }

    /** The gateway's answer. */
    record ChargeResult(Outcome outcome, String reference, String failureReason) {
        public enum Outcome { SUCCEEDED, DECLINED, TIMED_OUT }

        public static ChargeResult succeeded(String reference) {
            return new ChargeResult(Outcome.SUCCEEDED, reference, null);
        }

        public static ChargeResult declined(String reason) {
            return new ChargeResult(Outcome.DECLINED, null, reason);
        }

        public static ChargeResult timedOut(String reason) {
            return new ChargeResult(Outcome.TIMED_OUT, null, reason);
        }

        public boolean succeeded() {
            return outcome == Outcome.SUCCEEDED;
        }
    }
}
