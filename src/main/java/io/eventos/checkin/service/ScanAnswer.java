package io.eventos.checkin.service;

import io.eventos.checkin.domain.Refusal;
import io.eventos.platform.text.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * What the door shows for one scan: green (admitted or exited) or red with the reason, the ticket holder's name and
 * ticket type, a note that needs attention, and for "already checked in" when, where and by whom. Kept with the scan
 * as JSON, so a retried request with the same nonce gets exactly this answer back ({@link #replay()} then true).
 */
public record ScanAnswer(String result, Refusal refusal, String name, String ticketType, String orderCode,
                         String attention, String otherEvent, Instant previousAt, String previousGate,
                         String previousBy, UUID attendeeId, UUID checkInId, boolean replay) {

    public static final String ADMITTED = "admitted";
    public static final String EXITED = "exited";
    public static final String REFUSED = "refused";

    public boolean green() {
        return !REFUSED.equals(result);
    }

    /** The refusal's headline ("Already checked in"), or null for a green answer. */
    public String refusalHeadline() {
        return refusal == null ? null : refusal.headline();
    }

    /** The refusal's sentence, or null for a green answer. */
    public String refusalSentence() {
        return refusal == null ? null : refusal.sentence();
    }

    /** Refused because the order is not paid: staff who may can take the payment at the door. */
    public boolean unpaid() {
        return refusal == Refusal.UNPAID;
    }

    public ScanAnswer asReplay() {
        return new ScanAnswer(result, refusal, name, ticketType, orderCode, attention, otherEvent, previousAt,
                previousGate, previousBy, attendeeId, checkInId, true);
    }

    String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("result", result);
        put(json, "reason", refusal == null ? null : refusal.column());
        put(json, "name", name);
        put(json, "ticket_type", ticketType);
        put(json, "order_code", orderCode);
        put(json, "attention", attention);
        put(json, "other_event", otherEvent);
        put(json, "previous_at", previousAt == null ? null : previousAt.toString());
        put(json, "previous_gate", previousGate);
        put(json, "previous_by", previousBy);
        put(json, "attendee_id", attendeeId == null ? null : attendeeId.toString());
        put(json, "check_in_id", checkInId == null ? null : checkInId.toString());
        return json.build().toString();
    }

    static ScanAnswer fromJson(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            String reason = json.getString("reason", null);
            String previousAt = json.getString("previous_at", null);
            String attendee = json.getString("attendee_id", null);
            String checkIn = json.getString("check_in_id", null);
            return new ScanAnswer(json.getString("result"), reason == null ? null : Refusal.ofColumn(reason),
                    json.getString("name", null), json.getString("ticket_type", null),
                    json.getString("order_code", null), json.getString("attention", null),
                    json.getString("other_event", null), previousAt == null ? null : Instant.parse(previousAt),
                    json.getString("previous_gate", null), json.getString("previous_by", null),
                    attendee == null ? null : UUID.fromString(attendee), checkIn == null ? null : UUID.fromString(checkIn),
                    false);
        }
    }

    private static void put(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
