package io.eventos.demo;

import io.eventos.platform.text.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Gives demo rows the times they would have had: an order placed three weeks ago, an audit entry written then.
 * The entities set {@code created_at} (and {@code placed_at}, {@code occurred_at}) to "now" and rightly offer no
 * setter, so the demo moves them afterwards with one UPDATE per table, inside the same transaction.
 */
final class Backdating {

    /** Tables whose rows have no {@code updated_at}. */
    private static final Set<String> CREATED_ONLY = Set.of("audit_log", "order_lines", "check_ins", "notifications",
            "session_speakers");

    /** Columns to set per table where it is more than created_at/updated_at ({@code v.at} is the new time). */
    private static final Map<String, String> SPECIAL = Map.of(
            "orders", "placed_at = v.at, created_at = v.at, updated_at = coalesce(t.cancelled_at, t.paid_at, v.at)",
            "audit_log", "occurred_at = v.at, created_at = v.at",
            "contacts", "created_at = v.at, updated_at = greatest(v.at, coalesce(t.last_activity_at, v.at))",
            "events", "created_at = v.at, updated_at = greatest(v.at, coalesce(t.published_at, v.at))");

    /** The tables this may touch (the SQL is built from these names only). */
    private static final Set<String> TABLES = Set.of("accounts", "users", "account_users", "venues", "venue_rooms",
            "events", "speakers", "sessions", "session_speakers", "tickets", "promo_codes", "contacts", "orders",
            "order_lines", "payments", "attendees", "check_ins", "activities", "audit_log", "campaigns",
            "campaign_deliveries", "analytics", "notifications");

    private final Map<String, JsonArrayBuilder> rows = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** Remembers that row {@code id} of {@code table} was created at {@code at}. */
    void set(String table, UUID id, Instant at) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("Not a demo table: " + table);
        }
        rows.computeIfAbsent(table, t -> Json.createArrayBuilder())
                .add(Json.createObjectBuilder().add("id", id.toString()).add("at", at.toString()));
        counts.merge(table, 1, Integer::sum);
    }

    /** Applies every remembered time; call after the entities have been flushed. */
    void apply(EntityManager em) {
        rows.forEach((table, values) -> {
            String columns = SPECIAL.getOrDefault(table,
                    CREATED_ONLY.contains(table) ? "created_at = v.at" : "created_at = v.at, updated_at = v.at");
            int updated = em.createNativeQuery("update " + table + " t set " + columns
                            + " from jsonb_to_recordset(cast(?1 as jsonb)) as v(id uuid, at timestamptz)"
                            + " where t.id = v.id")
                    .setParameter(1, values.build().toString())
                    .executeUpdate();
            if (updated != counts.get(table)) {
                throw new IllegalStateException("Backdating " + table + " updated " + updated + " rows, expected "
                        + counts.get(table));
            }
        });
        rows.clear();
        counts.clear();
    }
}
