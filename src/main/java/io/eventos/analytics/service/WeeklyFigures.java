package io.eventos.analytics.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly summary's figures of the bound account, read from the rollups like the dashboards
 * ({@link Dashboards}: the same totals and upcoming events), for the whole account. Not a page's service: the
 * weekly job calls it for owners and admins who asked for the email (permission WEEKLY_SUMMARY, checked on the
 * recipients), with no one signed in, so it declares no permission of its own.
 */
@Stateless
@TenantBound
public class WeeklyFigures {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * The 7 days before the Monday {@code weekStart} against the 7 days before those; upcoming events as of
     * {@code asOf}. The rollups must be fresh (the caller refreshes them first).
     */
    public WeeklySummary summary(LocalDate weekStart, Instant asOf) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("A week starts on a Monday, not on " + weekStart.getDayOfWeek());
        }
        Object[] account = (Object[]) em.createNativeQuery(
                        "select name, default_time_zone from accounts where id = cast(?1 as uuid)")
                .setParameter(1, CurrentTenant.require().toString()).getSingleResult();
        ZoneId zone = ZoneId.of((String) account[1]);
        Period period = new Period(weekStart.minusDays(7), weekStart.minusDays(1));
        Dashboards.Totals totals = Dashboards.totals(em, period, null);
        List<CurrencyFigures> money = new ArrayList<>(totals.money());
        money.sort((a, b) -> Long.compare(b.revenue().now(), a.revenue().now()));

        // tickets first admitted (not undone), by the quarter hours of the account's days
        long[] admitted = new long[2];
        for (Object[] r : Dashboards.rows(em.createNativeQuery("""
                        select bucket_start >= ?1, sum(admitted) from checkin_rollup
                        where bucket_start >= ?2 and bucket_start < ?3 group by 1""")
                .setParameter(1, start(period.from(), zone))
                .setParameter(2, start(period.previous().from(), zone))
                .setParameter(3, start(weekStart, zone)))) {
            admitted[Boolean.TRUE.equals(r[0]) ? 0 : 1] = Dashboards.num(r[1]);
        }
        return new WeeklySummary((String) account[0], zone, weekStart, period, money, totals.orders(),
                totals.tickets(), new Change(admitted[0], admitted[1]), Dashboards.upcoming(em, null, asOf));
    }

    private static Timestamp start(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
