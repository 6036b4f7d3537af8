/**
 * Tracked facts (page views, holds, orders, check-ins, ...) and their hourly/daily rollups, for dashboards and
 * reports.
 * <p>Tables: {@code analytics}.
 */
package io.eventos.analytics;
