package io.eventos.checkin.service;

import io.eventos.checkin.domain.CheckInDirection;

import java.time.Instant;

/**
 * One scan at the door: what the scanner read (or staff typed), the client's nonce for this scan (a retry sends the
 * same one and gets the same answer), entry or exit, the gate the device stands at (free text, may be empty), and for
 * a scan a kiosk made while it had no network, when it was made ({@code scannedAt}; null for a scan made now).
 */
public record ScanRequest(String input, String nonce, CheckInDirection direction, String gate, Instant scannedAt) {

    public ScanRequest(String input, String nonce, CheckInDirection direction, String gate) {
        this(input, nonce, direction, gate, null);
    }

    /** An entry (or, with {@code exit}, an exit) scanned now: for callers that do not name domain types. */
    public static ScanRequest of(String input, String nonce, boolean exit, String gate) {
        return new ScanRequest(input, nonce, exit ? CheckInDirection.OUT : CheckInDirection.IN, gate, null);
    }

    /** An entry scanned by a kiosk without network at {@code scannedAt}, uploaded now. */
    public static ScanRequest madeOffline(String input, String nonce, String gate, Instant scannedAt) {
        return new ScanRequest(input, nonce, CheckInDirection.IN, gate, scannedAt);
    }

    public boolean offline() {
        return scannedAt != null;
    }
}
