package io.eventos.ticketing.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What a buyer asks to hold: ticket type → quantity, and an optional promo code. */
public record Cart(UUID eventId, Map<UUID, Integer> quantities, String promoCode) {

    public Cart {
        Map<UUID, Integer> positive = new LinkedHashMap<>();
        quantities.forEach((ticket, quantity) -> {
            if (quantity != null && quantity != 0) {
                positive.put(ticket, quantity);
            }
        });
        quantities = Map.copyOf(positive);
        promoCode = promoCode == null || promoCode.isBlank() ? null : promoCode.strip();
    }

    public int tickets() {
        return quantities.values().stream().mapToInt(Integer::intValue).sum();
    }
}
