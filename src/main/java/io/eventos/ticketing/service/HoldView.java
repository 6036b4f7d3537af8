package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A buyer's held tickets, as the checkout shows them: lines with prices, the total and when the hold ends. */
public record HoldView(String token, UUID eventId, Instant expiresAt, boolean expired, boolean converted,
                       String promoCode, String currency, List<Line> lines) {

    public record Line(UUID ticketId, String name, int quantity, long unitPriceMinor, long discountMinor) {
        public long totalMinor() {
            return unitPriceMinor * quantity - discountMinor;
        }
    }

    public long totalMinor() {
        return lines.stream().mapToLong(Line::totalMinor).sum();
    }

    public long discountMinor() {
        return lines.stream().mapToLong(Line::discountMinor).sum();
    }

    public int tickets() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    /** Each held ticket once, in line order: the checkout asks one attendee name per entry. */
    public List<Line> ticketSlots() {
        return lines.stream().flatMap(l -> java.util.stream.Stream.generate(() -> l).limit(l.quantity())).toList();
    }
}
