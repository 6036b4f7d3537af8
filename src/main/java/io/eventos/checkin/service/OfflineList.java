package io.eventos.checkin.service;

import io.eventos.checkin.domain.ListMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything a kiosk needs to go on admitting people without network, as of {@code madeAt}. */
public record OfflineList(UUID eventId, UUID listId, String listName, ListMode mode, Instant activeFrom,
                          Instant activeUntil, Instant madeAt, List<OfflineTicket> tickets) {
}
