package io.eventos.checkin.service;

import java.util.UUID;

/** A ticket found by a search at the door, with what the door needs to decide (and its code to admit it with). */
public record DoorHit(UUID attendeeId, String code, String name, String email, String orderCode, String ticketType,
                      String status, String orderStatus, String lastMovement) {

    public boolean inside() {
        return "in".equals(lastMovement);
    }

    /** "Valid", "Refunded", "Cancelled", "Not paid": the ticket's state in one word or two. */
    public String state() {
        if (!"valid".equals(status)) {
            return "refunded".equals(status) ? "Refunded" : "Cancelled";
        }
        return switch (orderStatus) {
            case "paid" -> inside() ? "Checked in" : "Valid";
            case "pending" -> "Not paid";
            default -> "Order cancelled";
        };
    }
}
