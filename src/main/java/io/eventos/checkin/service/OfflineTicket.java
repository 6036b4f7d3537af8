package io.eventos.checkin.service;

/** A ticket in a kiosk's offline list: the SHA-256 (hex) of its code, the holder, the type, whether it is inside. */
public record OfflineTicket(String codeHash, String name, String ticketType, boolean inside) {
}
