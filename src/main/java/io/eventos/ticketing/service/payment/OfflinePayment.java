package io.eventos.ticketing.service.payment;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Bank transfer or pay at the door: the order stays pending, keeping its tickets, until the organizer marks it
 * paid or the payment deadline passes (then the tickets are free again, without any job having to run).
 */
@ApplicationScoped
public class OfflinePayment implements PaymentProvider {

    public static final String ID = "offline";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Bank transfer";
    }

    @Override
    public boolean paysLater() {
        return true;
    }

    @Override
    public Duration paymentWindow() {
        return Duration.ofDays(3);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        return ChargeResult.declined("Bank transfers are marked paid by the organizer when the money arrives.");
    }

    @Override
    public ChargeResult refund(String chargeRef, long amountMinor, String currency) {
        return ChargeResult.succeeded(null); // paid back by hand; recorded so the books agree
    }
}
