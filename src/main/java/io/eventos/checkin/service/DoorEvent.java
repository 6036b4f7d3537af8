package io.eventos.checkin.service;

import io.eventos.checkin.domain.ListMode;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** The event and list a door admits to: what the kiosk's header shows and which scans it offers. */
public record DoorEvent(UUID eventId, String eventName, String timeZone, Instant startsAt, UUID listId,
                        String listName, ListMode mode) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Whether exits are scanned on this list (entry/exit mode). */
    public boolean scansExits() {
        return mode.scansExits();
    }

    public String modeLabel() {
        return mode.label();
    }
}
