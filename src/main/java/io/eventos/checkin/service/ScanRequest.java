package io.eventos.checkin.service;

import io.eventos.checkin.domain.CheckInDirection;

/**
 * One scan at the door: what the scanner read (or staff typed), the client's nonce for this scan (a retry sends the
 * same one and gets the same answer), entry or exit, and the gate the device stands at (free text, may be empty).
 */
public record ScanRequest(String input, String nonce, CheckInDirection direction, String gate) {
}
