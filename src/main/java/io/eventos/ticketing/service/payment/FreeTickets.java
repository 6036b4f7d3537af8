package io.eventos.ticketing.service.payment;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Orders that cost nothing: no payment step at all. */
@ApplicationScoped
public class FreeTickets implements PaymentProvider {

    public static final String ID = "free";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Free";
    }

    @Override
    public Duration paymentWindow() {
        return Duration.ZERO;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        if (request.amountMinor() != 0) {
            return ChargeResult.declined("This order is not free.");
        }
        return ChargeResult.succeeded(null);
    }

    @Override
    public ChargeResult refund(String chargeRef, long amountMinor, String currency) {
        return ChargeResult.succeeded(null);
    }
}
