package io.eventos.checkin.service;

import io.eventos.checkin.domain.ListMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the organizer typed for a check-in list; {@code ticketIds} empty admits every ticket type. */
public record CheckInListForm(String name, List<UUID> ticketIds, boolean admitPending, ListMode mode,
                              Instant activeFrom, Instant activeUntil) {

    /** As a form sends it: the mode by its name ("ONCE", "IN_OUT", "IN_OUT_FINAL"; anything else is "admit once"). */
    public static CheckInListForm of(String name, List<UUID> ticketIds, boolean admitPending, String mode,
                                     Instant activeFrom, Instant activeUntil) {
        ListMode chosen = java.util.Arrays.stream(ListMode.values()).filter(m -> m.name().equals(mode)).findFirst()
                .orElse(ListMode.ONCE);
        return new CheckInListForm(name, ticketIds, admitPending, chosen, activeFrom, activeUntil);
    }
}
