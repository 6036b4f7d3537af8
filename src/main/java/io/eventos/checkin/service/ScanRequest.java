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

    public boolean offline() {
        return scannedAt != null;
    }
}
