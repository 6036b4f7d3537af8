package io.eventos.ticketing.service;

import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/** The event as the ticketing pages need it. */
public record SalesEvent(UUID id, String name, String slug, String timeZone, String currency, Integer capacity,
                         String status, String accountSlug) {

    /** The zone the organizer enters and reads the event's times in. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Decimals of the event's currency (2 for EUR, 0 for JPY): how amounts are typed. */
    public int currencyDigits() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
