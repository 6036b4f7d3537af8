-- Why: public pages count page views per account, event, metric and day (issue 4, item 9). The counts are kept in
-- memory for a few seconds and then added to one `analytics` row per (account, event, metric, granularity, bucket,
-- dimensions) with INSERT ... ON CONFLICT DO UPDATE, which needs a unique index to find that row. Facts
-- (granularity 'fact') stay one row each and are not covered. event_id is NULL for account-level counters, and
-- PostgreSQL 14 has no NULLS NOT DISTINCT, so the index uses a fixed stand-in for NULL.
create unique index analytics_rollup_key
    on analytics (account_id, coalesce(event_id, '00000000-0000-0000-0000-000000000000'::uuid), metric,
                  granularity, bucket_start, dimensions)
    where granularity <> 'fact';
