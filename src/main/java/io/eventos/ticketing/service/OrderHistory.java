package io.eventos.ticketing.service;

import io.eventos.platform.text.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An order's business record as sentences an organizer reads ("Paid €50.00 by card", "Refunded €25.00 for Carl
 * Companion"), made from the audit entry's action and its before/after data; no JSON and no provider ids on screen.
 * An action this class does not know yet reads as its name in words, so nothing is ever hidden.
 */
public final class OrderHistory {

    private OrderHistory() {
    }

    public static String sentence(String action, String beforeJson, String afterJson, String currency) {
        JsonObject before = parse(beforeJson);
        JsonObject after = parse(afterJson);
        return switch (action) {
            case "order.placed" -> "Placed: " + tickets(number(after, "tickets")) + ", "
                    + amount(number(after, "total_minor"), currency)
                    + ("paid".equals(text(after, "status")) ? " (free)" : ", " + way(text(after, "payment_provider")));
            case "order.paid" -> after.containsKey("marked_by_organizer")
                    ? "Marked paid by the organizer"
                    : "Paid " + amount(number(after, "amount_minor"), currency) + " " + way(text(after, "provider"));
            case "payment.failed" -> "Payment " + way(text(after, "provider")) + " failed ("
                    + words(text(after, "outcome")) + "); the order stays unpaid";
            case "order.cancelled" -> "Cancelled by the " + by(after)
                    + (text(after, "reason") == null ? "" : ": “" + text(after, "reason") + "”");
            case "order.refunded", "order.partially_refunded" -> "Refunded "
                    + amount(number(after, "amount_minor"), currency) + " for " + refundedWhom(after)
                    + " (by the " + by(after) + ")"
                    + ("order.refunded".equals(action) ? "; the order is cancelled" : "");
            case "order.refund_requested" -> "The buyer asked for a refund"
                    + (text(after, "note") == null ? "" : ": “" + text(after, "note") + "”");
            case "order.refund_request_declined" -> "Refund request declined: “" + text(after, "reply") + "”";
            case "order.confirmation_resent" -> "Confirmation sent again to " + text(after, "to");
            case "order.note_changed" -> "Internal note changed";
            case "order.changed" -> "Changed by the buyer before paying"
                    + (text(after, "buyer") == null ? "" : ": buyer " + text(after, "buyer"))
                    + (text(after, "payment_provider") == null ? ""
                    : (text(after, "buyer") == null ? ": " : ", ") + "pays " + way(text(after, "payment_provider")));
            case "attendee.renamed" -> "Ticket name corrected from " + text(before, "name") + " to "
                    + text(after, "name") + ("buyer".equals(text(after, "by")) ? " by the buyer" : "");
            default -> words(action.substring(action.indexOf('.') + 1));
        };
    }

    /**
     * Who acted, for an entry without a signed-in user: the buyer (on the public pages, which record no user) or
     * EventOS itself (a job) or the API.
     */
    public static String actor(String action, String actorKind, String afterJson) {
        if ("attendee".equals(actorKind) || "buyer".equals(text(parse(afterJson), "by"))) {
            return "the buyer";
        }
        if ("api".equals(actorKind)) {
            return "the API";
        }
        return switch (action) {
            case "order.placed", "payment.failed", "order.refund_requested", "order.changed" -> "the buyer";
            case "order.paid" -> parse(afterJson).containsKey("marked_by_organizer") ? "EventOS" : "the buyer";
            default -> "EventOS";
        };
    }

    private static String refundedWhom(JsonObject after) {
        JsonValue names = after.get("names");
        if (names != null && names.getValueType() == JsonValue.ValueType.ARRAY) {
            List<String> list = new ArrayList<>();
            names.asJsonArray().forEach(n -> list.add(n instanceof JsonString s ? s.getString() : n.toString()));
            if (!list.isEmpty()) {
                return String.join(", ", list);
            }
        }
        return tickets(number(after, "tickets"));
    }

    private static String by(JsonObject after) {
        String by = text(after, "by");
        return "buyer".equals(by) ? "buyer" : "organizer";
    }

    /** "by card", "by bank transfer", "free". */
    static String way(String provider) {
        if (provider == null) {
            return "";
        }
        return switch (provider) {
            case "test_card" -> "by card";
            case "offline" -> "by bank transfer";
            case "free" -> "free";
            default -> "by " + words(provider);
        };
    }

    private static String tickets(Long count) {
        if (count == null) {
            return "tickets";
        }
        return count == 1 ? "1 ticket" : count + " tickets";
    }

    private static String amount(Long minor, String currency) {
        return minor == null ? "an amount" : Money.amount(minor, currency);
    }

    private static String words(String code) {
        return code == null ? "unknown" : code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject()
                    : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static Long number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.longValue();
        }
        if (v instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
