package io.eventos.ticketing.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order history an organizer reads: sentences made from the business record, no JSON, no provider ids. */
class OrderHistoryTest {

    @Test
    void paymentsAndRefundsReadAsSentences() {
        assertThat(OrderHistory.sentence("order.paid", "{\"status\":\"pending\"}",
                "{\"status\":\"paid\",\"provider\":\"test_card\",\"amount_minor\":5000}", "EUR"))
                .isEqualTo("Paid €50.00 by card");
        assertThat(OrderHistory.sentence("order.partially_refunded", "{\"refunded_minor\":0}",
                "{\"refunded_minor\":2500,\"tickets\":1,\"amount_minor\":2500,\"names\":[\"Carl Companion\"],"
                        + "\"by\":\"organizer\"}", "EUR"))
                .isEqualTo("Refunded €25.00 for Carl Companion (by the organizer)");
        assertThat(OrderHistory.sentence("order.refunded", null,
                "{\"amount_minor\":2500,\"tickets\":2,\"by\":\"buyer\"}", "EUR"))
                .isEqualTo("Refunded €25.00 for 2 tickets (by the buyer); the order is cancelled");
        assertThat(OrderHistory.sentence("payment.failed", null, "{\"provider\":\"test_card\",\"outcome\":\"declined\"}",
                "EUR")).isEqualTo("Payment by card failed (declined); the order stays unpaid");
        assertThat(OrderHistory.sentence("order.placed", null, "{\"code\":\"K7Q2XM\",\"status\":\"pending\","
                + "\"total_minor\":49800,\"currency\":\"EUR\",\"tickets\":2,\"payment_provider\":\"offline\"}", "EUR"))
                .isEqualTo("Placed: 2 tickets, €498.00, by bank transfer");
        assertThat(OrderHistory.sentence("order.paid", null, "{\"status\":\"paid\",\"marked_by_organizer\":true}",
                "EUR")).isEqualTo("Marked paid by the organizer");
    }

    @Test
    void aDiscountOrRefundOfNothingIsAnAmountNotFree() {
        assertThat(Money.amount(0, "EUR")).isEqualTo("€0.00");
        assertThat(Money.format(0, "EUR")).isEqualTo("Free");
    }

    @Test
    void entriesWithoutASignedInUserNameTheBuyerOrEventOS() {
        assertThat(OrderHistory.actor("order.refunded", "system", "{\"by\":\"buyer\"}")).isEqualTo("the buyer");
        assertThat(OrderHistory.actor("order.placed", "system", "{}")).isEqualTo("the buyer");
        assertThat(OrderHistory.actor("order.expired", "system", "{}")).isEqualTo("EventOS");
        assertThat(OrderHistory.actor("order.placed", "attendee", null)).isEqualTo("the buyer");
    }

    @Test
    void unknownActionsAndBrokenDataStillReadAsWords() {
        assertThat(OrderHistory.sentence("order.something_new", "not json", "[1]", "EUR")).isEqualTo("something new");
        assertThat(OrderHistory.sentence("order.cancelled", null, "{\"by\":\"organizer\",\"reason\":\"Duplicate\"}",
                "EUR")).isEqualTo("Cancelled by the organizer: “Duplicate”");
    }
}
