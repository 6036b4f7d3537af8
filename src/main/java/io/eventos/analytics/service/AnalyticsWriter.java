package io.eventos.analytics.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.tenancy.TransactionSettings;
import io.eventos.platform.text.Json;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.UUID;

/**
 * Adds counters to the daily rows of {@code analytics}: a new row for the day, or its count raised (the unique index
 * {@code analytics_rollup_key}, V8). One statement per account, its counters passed as one JSON array; each account
 * bound as the tenant for its statement, so row level security checks every row.
 */
@Stateless
public class AnalyticsWriter {

    private static final String UPSERT = """
            insert into analytics (id, account_id, event_id, metric, granularity, bucket_start, count, dimensions,
                                   occurred_at, created_at, updated_at)
            select gen_random_uuid(), cast(?1 as uuid), c.event_id, c.metric, 'day', c.day, c.count, c.dimensions,
                   now(), now(), now()
            from jsonb_to_recordset(cast(?2 as jsonb))
                 as c(event_id uuid, metric text, day timestamptz, count bigint, dimensions jsonb)
            on conflict (account_id, (coalesce(event_id, '00000000-0000-0000-0000-000000000000'::uuid)), metric,
                         granularity, bucket_start, dimensions) where granularity <> 'fact'
            do update set count = analytics.count + excluded.count, occurred_at = now(), updated_at = now()""";

    /** One factory: {@code Json.createObjectBuilder()} looks the provider up (ServiceLoader) every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * Adds the counts of many accounts in one transaction of its own (one commit for a whole flush of the page views,
     * where a transaction per account made a thousand commits every few seconds under traffic spread over many
     * organizers): each account bound in turn ({@link TransactionSettings#set}), one statement for its counters.
     * Fails as a whole; the caller then writes account by account ({@link #add}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void addAll(Map<UUID, Map<PageView, Long>> countsByAccount) {
        countsByAccount.forEach((account, counts) -> {
            TransactionSettings.set(em, TransactionSettings.ACCOUNT, account);
            upsert(account, counts);
        });
    }

    /** Adds the counts of the bound account in one transaction of its own. */
    @TenantBound
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void add(Map<PageView, Long> counts) {
        upsert(CurrentTenant.require(), counts);
    }

    private void upsert(UUID account, Map<PageView, Long> counts) {
        JsonArrayBuilder rows = JSON.createArrayBuilder();
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
            JsonObjectBuilder row = JSON.createObjectBuilder()
                    .add("metric", view.metric())
                    .add("day", view.day().toString())
                    .add("count", count)
                    .add("dimensions", dimensions);
            if (view.eventId() != null) {
                row.add("event_id", view.eventId().toString());
            }
            rows.add(row);
        });
        em.createNativeQuery(UPSERT)
                .setParameter(1, account.toString())
                .setParameter(2, rows.build().toString())
                .executeUpdate();
    }
}
