package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promo code as the organizer edits it. {@code kind} is "percent", "fixed" or "unlock"; only the value of that
 * kind is kept ({@code percentOff}, or {@code amountOffMinor} in the event's currency). {@code ticketIds} empty =
 * every ticket type of the event (an unlock code must name hidden ones); {@code usageLimit} and
 * {@code perOrderLimit} null = no limit; {@code validFrom} / {@code validUntil} null = open-ended.
 */
public record PromoCodeForm(String code, String kind, Integer percentOff, Long amountOffMinor, List<UUID> ticketIds,
                            Integer usageLimit, Integer perOrderLimit, Instant validFrom, Instant validUntil) {

    public PromoCodeForm {
        ticketIds = ticketIds == null ? List.of() : List.copyOf(ticketIds);
    }
}
