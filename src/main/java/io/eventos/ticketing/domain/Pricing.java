package io.eventos.ticketing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What tickets cost with a promo code: the one rule the checkout and the demo data both price by. A discount code
 * takes its amount (a percentage rounded half up per ticket, or a fixed amount never below zero) off each ticket of
 * the types it applies to, in the order of the lines, until its per-order limit is used up; an unlock code
 * discounts nothing.
 */
public final class Pricing {

    private Pricing() {
    }

    /** One priced line: {@code quantity} tickets at {@code unitPriceMinor}, less {@code discountMinor} in all. */
    public record Line(UUID ticketId, String name, int quantity, long unitPriceMinor, long discountMinor) {

        public long totalMinor() {
            return unitPriceMinor * quantity - discountMinor;
        }
    }

    public static List<Line> price(List<Map.Entry<Ticket, Integer>> lines, PromoCode promo) {
        int allowance = promo == null || promo.getPerOrderLimit() == null ? Integer.MAX_VALUE : promo.getPerOrderLimit();
        List<Line> priced = new ArrayList<>();
        for (Map.Entry<Ticket, Integer> line : lines) {
            Ticket ticket = line.getKey();
            int quantity = line.getValue();
            long discount = 0;
            if (promo != null && promo.getKind() != PromoCodeKind.UNLOCK && promo.appliesTo(ticket.getId())) {
                int discounted = Math.min(quantity, allowance);
                allowance -= discounted;
                discount = discounted * promo.discountPerTicket(ticket.getPriceMinor());
            }
            priced.add(new Line(ticket.getId(), ticket.getName(), quantity, ticket.getPriceMinor(), discount));
        }
        return priced;
    }
}
