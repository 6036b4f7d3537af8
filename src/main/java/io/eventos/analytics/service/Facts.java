package io.eventos.analytics.service;

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
        em.createNativeQuery("""
                        insert into analytics (id, account_id, event_id, metric, granularity, bucket_start, count,
                                               amount_minor, currency, dimensions, occurred_at)
                        values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as uuid), ?4, 'fact', ?5, ?6, ?7, ?8,
                                cast(?9 as jsonb), ?10)""")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, CurrentTenant.require().toString())
                .setParameter(3, eventId == null ? null : eventId.toString())
                .setParameter(4, metric)
                .setParameter(5, Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)))
                .setParameter(6, count)
                .setParameter(7, amountMinor)
                .setParameter(8, currency)
                .setParameter(9, JSON.toJson(dimensions == null ? Map.of() : dimensions))
                .setParameter(10, Timestamp.from(at))
                .executeUpdate();
    }
}
