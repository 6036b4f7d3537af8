package io.eventos.analytics.service;

import io.eventos.platform.persistence.OneStatement;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Business facts of the funnel (a hold created, an order placed, paid, cancelled, refunded): one {@code analytics}
 * row each (granularity {@code fact}, bucket = the hour it happened), written in the caller's transaction so a
 * step that is rolled back leaves no fact. Together with the daily page-view counters ({@link PageViews}) they give
 * the funnel per event: views → holds → orders → paid. No personal data: counts, amounts and plain dimensions
 * (payment provider, promo code used or not).
 */
@ApplicationScoped
public class Facts {

    public static final String HOLD_CREATED = "hold_created";
    public static final String ORDER_PLACED = "order_placed";
    public static final String ORDER_PAID = "order_paid";
    public static final String ORDER_CANCELLED = "order_cancelled";
    public static final String ORDER_REFUNDED = "order_refunded";

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * Records one fact of the bound account. {@code count} is what was counted (e.g. tickets held);
     * {@code amountMinor} with {@code currency} the money involved, or 0 and null.
     */
    public void record(UUID eventId, String metric, long count, long amountMinor, String currency,
                       Map<String, ?> dimensions, Instant at) {
        new OneStatement().query(em, insert(eventId, metric, count, amountMinor, currency, dimensions, at))
                .executeUpdate();
    }

    /** The same fact as {@link #record}, as a part of one statement with other writes ({@link OneStatement}). */
    public OneStatement.Part insert(UUID eventId, String metric, long count, long amountMinor, String currency,
                                    Map<String, ?> dimensions, Instant at) {
        return new OneStatement.Part("""
                insert into analytics (id, account_id, event_id, metric, granularity, bucket_start, count,
                                       amount_minor, currency, dimensions, occurred_at)
                values (cast(? as uuid), cast(? as uuid), cast(? as uuid), ?, 'fact', ?, ?, ?, ?, cast(? as jsonb), ?)""",
                UUID.randomUUID().toString(), CurrentTenant.require().toString(),
                eventId == null ? null : eventId.toString(), metric, Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)),
                count, amountMinor, currency, JSON.toJson(dimensions == null ? Map.of() : dimensions),
                Timestamp.from(at));
    }
}
