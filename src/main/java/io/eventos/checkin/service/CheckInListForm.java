package io.eventos.checkin.service;

import io.eventos.checkin.domain.ListMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the organizer typed for a check-in list; {@code ticketIds} empty admits every ticket type. */
public record CheckInListForm(String name, List<UUID> ticketIds, boolean admitPending, ListMode mode,
                              Instant activeFrom, Instant activeUntil) {
}
