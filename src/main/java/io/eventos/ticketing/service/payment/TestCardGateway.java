package io.eventos.ticketing.service.payment;

import io.eventos.platform.crypto.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * A simulated card gateway for demos and tests. Like the big gateways' test modes, the card number decides:
 * {@value #DECLINED_CARD} is declined, {@value #TIMEOUT_CARD} gets no answer in time, {@value #SLOW_CARD} is
 * charged after {@link #SLOW} (a network taking its time, for the deadline race), any other number that passes the
 * Luhn check (e.g. {@value #GOOD_CARD}) is charged at once.
 */
@ApplicationScoped
public class TestCardGateway implements PaymentProvider {

    public static final String ID = "test_card";
    public static final String GOOD_CARD = "4242424242424242";
    public static final String DECLINED_CARD = "4000000000000002";
    public static final String TIMEOUT_CARD = "4000000000000119";
    public static final String SLOW_CARD = "4000000000000077";
    static final Duration SLOW = Duration.ofSeconds(4);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Card (test mode)";
    }

    @Override
    public Duration paymentWindow() {
        return Duration.ofMinutes(10);
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        String number = request.details().getOrDefault("card", "").replaceAll("[\\s-]", "");
        if (!number.matches("\\d{12,19}") || !luhn(number)) {
            return ChargeResult.declined("This card number is not valid; check the digits.");
        }
        return switch (number) {
            case DECLINED_CARD -> ChargeResult.declined("Your card was declined. Try another card; nothing was charged.");
            case TIMEOUT_CARD -> ChargeResult.timedOut(
                    "The card network did not answer in time. Nothing was charged; please try again.");
            case SLOW_CARD -> {
                try {
                    Thread.sleep(SLOW.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield ChargeResult.timedOut("The card network did not answer in time. Nothing was charged; "
                            + "please try again.");
                }
                yield ChargeResult.succeeded("ch_test_" + RandomTokens.urlSafe(12));
            }
            default -> ChargeResult.succeeded("ch_test_" + RandomTokens.urlSafe(12));
        };
    }

    @Override
    public ChargeResult refund(String chargeRef, long amountMinor, String currency) {
        return ChargeResult.succeeded("re_test_" + RandomTokens.urlSafe(12));
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
