package io.eventos.analytics.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import io.eventos.platform.text.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

/**
 * Adds counters to the daily rows of {@code analytics}, for one account per call and transaction (bound as the
 * tenant, so row level security checks every row). One upsert per counter: a new row for the day, or its count
 * raised (the unique index {@code analytics_rollup_key}, V8).
 */
@Stateless
@TenantBound
public class AnalyticsWriter {

    private static final String UPSERT = """
            insert into analytics (id, account_id, event_id, metric, granularity, bucket_start, count, dimensions,
                                   occurred_at, created_at, updated_at)
            values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as uuid), ?4, 'day', ?5, ?6, cast(?7 as jsonb),
                    now(), now(), now())
            on conflict (account_id, (coalesce(event_id, '00000000-0000-0000-0000-000000000000'::uuid)), metric,
                         granularity, bucket_start, dimensions) where granularity <> 'fact'
            do update set count = analytics.count + excluded.count, occurred_at = now(), updated_at = now()""";

    /** One factory: {@code Json.createObjectBuilder()} looks the provider up (ServiceLoader) every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** Adds the counts of the bound account in one transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void add(Map<PageView, Long> counts) {
        UUID account = CurrentTenant.require();
        counts.forEach((view, count) -> {
            if (!view.accountId().equals(account)) {
                throw new IllegalArgumentException("A counter of another account");
            }
            JsonObjectBuilder dimensions = JSON.createObjectBuilder();
            if (view.referrerHost() != null) {
                dimensions.add("referrer", view.referrerHost());
            }
            if (view.utmSource() != null) {
                dimensions.add("utm_source", view.utmSource());
            }
            if (view.utmMedium() != null) {
                dimensions.add("utm_medium", view.utmMedium());
            }
            if (view.utmCampaign() != null) {
                dimensions.add("utm_campaign", view.utmCampaign());
            }
            em.createNativeQuery(UPSERT)
                    .setParameter(1, UUID.randomUUID().toString())
                    .setParameter(2, account.toString())
                    .setParameter(3, view.eventId() == null ? null : view.eventId().toString())
                    .setParameter(4, view.metric())
                    .setParameter(5, Timestamp.from(view.day()))
                    .setParameter(6, count)
                    .setParameter(7, dimensions.build().toString())
                    .executeUpdate();
        });
    }
}
