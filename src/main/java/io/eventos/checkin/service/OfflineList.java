package io.eventos.checkin.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything a kiosk needs to go on admitting people without network, as of {@code madeAt} ({@code mode}: the list's mode column). */
public record OfflineList(UUID eventId, UUID listId, String listName, String mode, Instant activeFrom,
                          Instant activeUntil, Instant madeAt, List<OfflineTicket> tickets) {
}
