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

    /** The mode's name as forms send it ("ONCE", "IN_OUT", "IN_OUT_FINAL"). */
    public String modeName() {
        return mode.name();
    }

    public String modeLabel() {
        return mode.label();
    }

    public boolean scansExits() {
        return mode.scansExits();
    }

    /** A choice of mode for a form: its name and label. */
    public record ModeOption(String name, String label) {
    }

    /** Every mode a list can have, in the order to offer them. */
    public static List<ModeOption> modes() {
        return java.util.Arrays.stream(ListMode.values()).map(m -> new ModeOption(m.name(), m.label())).toList();
    }
}
