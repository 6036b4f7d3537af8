package io.eventos.ticketing.service;

import io.eventos.event.service.EventFacts;
import io.eventos.platform.text.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What an event's buyers may do with their order themselves, set by the organizer on the tickets page and kept in
 * {@code events.settings -> 'cancellation'} as {@code {"policy": "refund", "hours_before": 48}} (absent: buyers
 * cannot cancel). Until {@code hoursBefore} hours before the event starts, buyers may cancel and are refunded in
 * full at once ({@link Kind#REFUND}), or may ask for a refund that the organizer approves or declines
 * ({@link Kind#REQUEST}). At the deadline itself it is too late.
 */
public record CancellationPolicy(Kind kind, int hoursBefore) {

    public enum Kind {
        /** Buyers cannot cancel; they write to the organizer. The default. */
        NONE,
        /** Buyers cancel until the deadline and get their money back at once. */
        REFUND,
        /** Buyers ask for a refund until the deadline; the organizer approves (a full refund) or declines. */
        REQUEST;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The longest deadline an organizer can set: a year before the event. */
    public static final int MAX_HOURS = 365 * 24;

    public static final CancellationPolicy NONE = new CancellationPolicy(Kind.NONE, 0);

    public CancellationPolicy {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NONE) {
            hoursBefore = 0;
        }
    }

    /** The stored form; unknown or missing values read as {@link #NONE}, so a damaged setting never opens refunds. */
    static CancellationPolicy of(String kind, Number hoursBefore) {
        if (kind == null) {
            return NONE;
        }
        for (Kind k : Kind.values()) {
            if (k.code().equals(kind)) {
                int hours = hoursBefore == null ? 0 : Math.max(0, Math.min(MAX_HOURS, hoursBefore.intValue()));
                return new CancellationPolicy(k, hours);
            }
        }
        return NONE;
    }

    /**
     * The policy of an event (of the bound account), read from its settings through the event context
     * ({@link EventFacts#setting}, one statement in the caller's transaction).
     */
    static CancellationPolicy forEvent(EventFacts events, UUID eventId) {
        return events.setting(eventId, SETTINGS_KEY).map(CancellationPolicy::ofJson).orElse(NONE);
    }

    /** The stored JSON ({@link #json()}); anything else reads as {@link #NONE}. */
    static CancellationPolicy ofJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            if (!(reader.readValue() instanceof JsonObject stored)) {
                return NONE;
            }
            JsonValue kind = stored.get("policy");
            String code = kind == null || kind.getValueType() == JsonValue.ValueType.NULL ? null
                    : kind instanceof JsonString text ? text.getString() : kind.toString();
            return of(code, stored.get("hours_before") instanceof JsonNumber hours ? hours.bigDecimalValue() : null);
        } catch (JsonException e) {
            return NONE;
        }
    }

    /** The last moment (exclusive) a buyer may act, for an event starting at {@code startsAt}. */
    public Instant deadline(Instant startsAt) {
        return startsAt.minus(Duration.ofHours(hoursBefore));
    }

    /** True if buyers may still cancel or ask at {@code now}. */
    public boolean openAt(Instant now, Instant startsAt) {
        return kind != Kind.NONE && now.isBefore(deadline(startsAt));
    }

    /** "48 hours", "3 days", "the start": how long before the event the deadline is, as the organizer set it. */
    public String before() {
        if (hoursBefore == 0) {
            return "the start";
        }
        if (hoursBefore % 24 == 0) {
            int days = hoursBefore / 24;
            return days + (days == 1 ? " day" : " days") + " before the start";
        }
        return hoursBefore + (hoursBefore == 1 ? " hour" : " hours") + " before the start";
    }

    /** The organizer's summary, e.g. "Buyers can cancel until 2 days before the start and are refunded in full." */
    public String summary() {
        return switch (kind) {
            case NONE -> "Buyers cannot cancel their orders themselves; they write to you.";
            case REFUND -> "Buyers can cancel until " + before() + " and are refunded in full at once.";
            case REQUEST -> "Buyers can ask for a refund until " + before() + "; you approve or decline each request.";
        };
    }

    /** The key of events.settings the policy is kept under (written through the event context's EventSettings). */
    static final String SETTINGS_KEY = "cancellation";

    /** The JSON kept in events.settings under "cancellation"; null for {@link #NONE} (the key is removed). */
    String json() {
        return kind == Kind.NONE ? null
                : "{\"policy\": \"" + kind.code() + "\", \"hours_before\": " + hoursBefore + "}";
    }
}
