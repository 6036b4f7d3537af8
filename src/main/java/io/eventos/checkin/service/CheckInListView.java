package io.eventos.checkin.service;

import io.eventos.checkin.domain.ListMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A check-in list as the organizer sees it; {@code ticketIds} empty means every ticket type of the event. */
public record CheckInListView(UUID id, UUID eventId, String name, List<UUID> ticketIds, List<String> ticketNames,
                              boolean admitPending, ListMode mode, Instant activeFrom, Instant activeUntil,
                              boolean isDefault) {

    public String admits() {
        return ticketIds.isEmpty() ? "All ticket types" : String.join(", ", ticketNames);
    }
}
