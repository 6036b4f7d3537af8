package io.eventos.analytics.service;

import io.eventos.isolation.IsolationFixtures;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.testing.InContainer;
import io.eventos.testing.SuiteDeployment;
import io.eventos.testing.Superuser;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The page view counters of many accounts are written in one transaction, each account's rows under its own
 * binding, and added to what is there; when one counter cannot be written (its event was deleted meanwhile), the
 * others of the same flush, in its account and in others, are still written.
 */
@InContainer
public class PageViewsFlushIT {

    @Deployment
    static WebArchive deployment() {
        return SuiteDeployment.war();
    }

    @Inject
    PageViews views;
    @Inject
    IsolationFixtures fixtures;

    @Test
    void oneFlushWritesEveryAccountsCountersAndAddsToThem() throws Exception {
        Account a = account("flush-a");
        Account b = account("flush-b");
        for (int i = 0; i < 3; i++) {
            views.record(a.id, a.event, PageViews.PAGE_VIEW, null, "eventos.test");
        }
        views.record(a.id, null, PageViews.PAGE_VIEW, "https://news.example.com/a", "eventos.test");
        views.record(b.id, b.event, PageViews.PAGE_VIEW, "https://news.example.com/b", "eventos.test");
        views.record(b.id, b.event, PageViews.PAGE_VIEW, "https://news.example.com/c", "eventos.test");
        views.flush();
        assertEquals(Map.of(a.event + " {}", 3L, "none {\"referrer\": \"news.example.com\"}", 1L), counts(a.id));
        assertEquals(Map.of(b.event + " {\"referrer\": \"news.example.com\"}", 2L), counts(b.id));
        assertEquals(1, transactions(a.id, b.id), "the rows of both accounts written by one transaction");

        views.record(a.id, a.event, PageViews.PAGE_VIEW, null, "eventos.test");
        views.flush();
        assertEquals(4L, counts(a.id).get(a.event + " {}"), "added to the day's row");
    }

    @Test
    void aCounterThatCannotBeWrittenLosesOnlyItself() throws Exception {
        Account a = account("flush-c");
        Account b = account("flush-d");
        UUID deleted = UUID.randomUUID(); // an event deleted after its page was seen
        views.record(a.id, a.event, PageViews.PAGE_VIEW, null, "eventos.test");
        views.record(a.id, deleted, PageViews.PAGE_VIEW, null, "eventos.test");
        views.record(b.id, b.event, PageViews.CALENDAR_DOWNLOAD, null, "eventos.test");
        views.flush();
        assertEquals(Map.of(a.event + " {}", 1L), counts(a.id));
        assertEquals(Map.of(b.event + " {}", 1L), counts(b.id));
    }

    private record Account(UUID id, UUID event) {
    }

    private Account account(String prefix) {
        UUID id = UUID.randomUUID();
        try (var tenant = CurrentTenant.bind(id); var user = CurrentTenant.bindUser(UUID.randomUUID())) {
            return new Account(id, fixtures.createAccountWithEvent(prefix + "-" + id.toString().substring(0, 8)));
        }
    }

    /** How many transactions last wrote the two accounts' counters (their rows' xmin). */
    private static long transactions(UUID one, UUID other) throws Exception {
        try (Connection db = Superuser.connect();
             PreparedStatement sql = db.prepareStatement(
                     "select count(distinct xmin::text) from analytics where account_id in (?, ?)")) {
            sql.setObject(1, one);
            sql.setObject(2, other);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** "event-or-none dimensions" → count of the account's daily counters, read past row level security. */
    private static Map<String, Long> counts(UUID account) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = Superuser.connect();
             PreparedStatement sql = db.prepareStatement("""
                     select coalesce(event_id::text, 'none'), dimensions::text, sum(count) from analytics
                     where account_id = ? and granularity = 'day' group by 1, 2""")) {
            sql.setObject(1, account);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return counts;
    }
}
