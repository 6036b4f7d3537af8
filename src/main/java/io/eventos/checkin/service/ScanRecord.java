package io.eventos.checkin.service;

import io.eventos.checkin.domain.Refusal;

import java.time.Instant;
import java.util.UUID;

/**
 * One scan attempt in the door's history: when, what was read, the answer, whether a kiosk made it offline (and
 * uploaded it later), who scanned it and where.
 */
public record ScanRecord(UUID id, Instant at, String input, String direction, String result, String reason,
                         boolean offline, String holder, String gate, String by, String listName) {

    /** "Admitted", "Left", or the refusal's headline. */
    public String outcome() {
        return switch (result) {
            case "admitted" -> "Admitted";
            case "exited" -> "Left";
            default -> reason == null ? "Refused" : Refusal.ofColumn(reason).headline();
        };
    }
}
