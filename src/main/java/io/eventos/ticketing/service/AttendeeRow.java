package io.eventos.ticketing.service;

import java.util.UUID;

/** One issued ticket: who it is for, of which type, its code (the QR value) and whether it is still valid. */
public record AttendeeRow(UUID id, UUID orderId, String orderCode, String ticketName, String firstName,
                          String lastName, String email, String code, String status, long priceMinor) {

    public String name() {
        return (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
    }
}
