package io.eventos.ticketing.service;

import io.eventos.ticketing.domain.Pricing;
import io.eventos.ticketing.domain.PromoCode;
import io.eventos.ticketing.domain.PromoCodeKind;
import io.eventos.ticketing.domain.Ticket;
import io.eventos.ticketing.service.payment.TestCardGateway;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Prices, discounts, remaining room and the test card rules, without a database. */
class PricingTest {

    private final UUID event = UUID.randomUUID();

    @Test
    void aPercentCodeRoundsPerTicketAndStopsAtItsPerOrderLimit() {
        Ticket regular = new Ticket(event, "Regular", 1999, "EUR");
        PromoCode code = new PromoCode(event, "HALF", PromoCodeKind.PERCENT);
        code.setPercentOff(50);
        code.setPerOrderLimit(2);
        List<Pricing.Line> lines = Pricing.price(List.of(Map.entry(regular, 3)), code);
        assertThat(lines.get(0).discountMinor()).as("1000 (999.5 rounded half up) on two of three").isEqualTo(2000);
        assertThat(lines.get(0).totalMinor()).isEqualTo(3 * 1999 - 2000);
    }

    @Test
    void onlyACodeThatNamesAHiddenTicketTypeOpensIt() {
        UUID crew = UUID.randomUUID();
        PromoCode everything = new PromoCode(event, "ALL20", PromoCodeKind.PERCENT);
        everything.setPercentOff(20);
        assertThat(everything.appliesTo(crew)).as("it discounts every type in the cart").isTrue();
        assertThat(everything.unlocks(crew)).as("but opens no hidden type to whoever has the code").isFalse();
        PromoCode named = new PromoCode(event, "CREW", PromoCodeKind.UNLOCK);
        named.setAppliesToJson("[\"" + crew + "\"]");
        assertThat(named.unlocks(crew)).isTrue();
        assertThat(named.unlocks(UUID.randomUUID())).isFalse();
    }

    @Test
    void aFixedCodeNeverTakesMoreThanThePriceAndOnlyAppliesToItsTicketTypes() {
        Ticket cheap = new Ticket(event, "Cheap", 500, "EUR");
        Ticket other = new Ticket(event, "Other", 5000, "EUR");
        PromoCode code = new PromoCode(event, "TENOFF", PromoCodeKind.FIXED);
        code.setAmountOffMinor(1000L);
        code.setAppliesToJson("[\"" + cheap.getId() + "\"]");
        List<Pricing.Line> lines = Pricing.price(List.of(Map.entry(cheap, 1), Map.entry(other, 1)), code);
        assertThat(lines.get(0).totalMinor()).isZero();
        assertThat(lines.get(1).discountMinor()).isZero();
    }

    @Test
    void aCodeOutsideItsWindowOrUsedUpSaysWhy() {
        PromoCode code = new PromoCode(event, "WINDOW", PromoCodeKind.UNLOCK);
        Instant now = Instant.parse("2027-01-10T12:00:00Z");
        code.setValidFrom(now.plusSeconds(60));
        assertThat(code.unusableReason(now)).isEqualTo("This code is not valid yet.");
        code.setValidFrom(null);
        code.setValidUntil(now);
        assertThat(code.unusableReason(now)).isEqualTo("This code has expired.");
        code.setValidUntil(null);
        code.setUsageLimit(3);
        code.setUsedCount(3);
        assertThat(code.unusableReason(now)).isEqualTo("This code has been used up.");
        code.setUsedCount(2);
        assertThat(code.unusableReason(now)).isNull();
    }

    @Test
    void roomIsTheSmallestOfTicketGroupAndEvent() {
        UUID ticket = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Stock stock = new Stock(100, new Stock.Counts(60, 5, 5),
                Map.of(ticket, new Stock.TicketStock(ticket, "A", 50, group, new Stock.Counts(10, 0, 2))),
                Map.of(group, new Stock.GroupStock(group, "Hall", 20, new Stock.Counts(15, 0, 1))));
        assertThat(stock.availableFor(ticket)).as("group: 20 - 16").isEqualTo(4);
        Stock roomy = new Stock(null, Stock.Counts.NONE,
                Map.of(ticket, new Stock.TicketStock(ticket, "A", null, null, Stock.Counts.NONE)), Map.of());
        assertThat(roomy.availableFor(ticket)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theTestCardDecidesByNumber() {
        TestCardGateway gateway = new TestCardGateway();
        assertThat(charge(gateway, TestCardGateway.GOOD_CARD).succeeded()).isTrue();
        assertThat(charge(gateway, "4242 4242 4242 4242").succeeded()).isTrue();
        assertThat(charge(gateway, TestCardGateway.DECLINED_CARD).failureReason()).contains("declined");
        assertThat(charge(gateway, TestCardGateway.TIMEOUT_CARD).outcome())
                .isEqualTo(io.eventos.ticketing.service.payment.PaymentProvider.ChargeResult.Outcome.TIMED_OUT);
        assertThat(charge(gateway, "4242424242424241").failureReason()).contains("not valid");
        assertThat(Money.format(2500, "EUR")).isEqualTo("€25.00");
        assertThat(Money.format(500, "JPY")).isEqualTo("JP¥500");
    }

    private static io.eventos.ticketing.service.payment.PaymentProvider.ChargeResult charge(TestCardGateway gateway,
                                                                                            String card) {
        return gateway.charge(new io.eventos.ticketing.service.payment.PaymentProvider.ChargeRequest("T-1", 2500,
                "EUR", Map.of("card", card)));
    }
}
