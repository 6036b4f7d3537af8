package io.eventos.checkin.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The door's decision for one scan, from facts read under the ticket's row lock: the ticket, the list it is scanned
 * against, the ticket's last movement on that list and the direction asked for. Pure: no database, no clock of its own.
 * The checks run from "this is the wrong ticket altogether" to "this ticket is fine but was used": staff see the most
 * fundamental reason first.
 */
public final class AdmissionRules {

    private AdmissionRules() {
    }

    /** What is known of the ticket: its event and type, its own status and its order's status (lower-case columns). */
    public record Ticket(UUID eventId, UUID ticketTypeId, String status, String orderStatus) {
    }

    /** The list's rules; {@code ticketTypes} null means every ticket type of the event. */
    public record ListRules(UUID eventId, Set<UUID> ticketTypes, boolean admitPending, ListMode mode,
                            Instant activeFrom, Instant activeUntil) {
    }

    /** The decision: admitted (in), exited (out), or refused with the reason. */
    public record Decision(CheckInDirection direction, Refusal refusal) {

        public boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * @param lastMovement the ticket's last entry or exit on this list that was not undone, or null if none
     */
    public static Decision decide(Ticket ticket, ListRules list, CheckInDirection lastMovement,
                                  CheckInDirection asked, Instant now) {
        if (!ticket.eventId().equals(list.eventId())) {
            return refuse(asked, Refusal.OTHER_EVENT);
        }
        if ("refunded".equals(ticket.status())) {
            return refuse(asked, Refusal.REFUNDED);
        }
        if (!"valid".equals(ticket.status())) {
            return refuse(asked, Refusal.CANCELLED);
        }
        if ("cancelled".equals(ticket.orderStatus()) || "expired".equals(ticket.orderStatus())) {
            return refuse(asked, Refusal.ORDER_CANCELLED);
        }
        if (list.ticketTypes() != null && !list.ticketTypes().contains(ticket.ticketTypeId())) {
            return refuse(asked, Refusal.NOT_ON_LIST);
        }
        if (list.activeFrom() != null && now.isBefore(list.activeFrom())) {
            return refuse(asked, Refusal.NOT_YET_OPEN);
        }
        if (list.activeUntil() != null && !now.isBefore(list.activeUntil())) {
            return refuse(asked, Refusal.CLOSED);
        }
        if (!"paid".equals(ticket.orderStatus()) && !list.admitPending()) {
            return refuse(asked, Refusal.UNPAID);
        }
        if (asked == CheckInDirection.OUT) {
            if (!list.mode().scansExits()) {
                return refuse(asked, Refusal.EXITS_NOT_SCANNED);
            }
            return lastMovement == CheckInDirection.IN ? new Decision(asked, null) : refuse(asked, Refusal.NOT_INSIDE);
        }
        if (lastMovement == CheckInDirection.IN) {
            return refuse(asked, Refusal.ALREADY_IN);
        }
        if (lastMovement == CheckInDirection.OUT && list.mode() == ListMode.IN_OUT_FINAL) {
            return refuse(asked, Refusal.NO_REENTRY);
        }
        return new Decision(asked, null);
    }

    private static Decision refuse(CheckInDirection asked, Refusal refusal) {
        return new Decision(asked, refusal);
    }
}
