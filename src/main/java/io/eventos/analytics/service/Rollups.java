package io.eventos.analytics.service;

import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the dashboards' rollups ({@code sales_daily}, {@code checkin_rollup}; V23) up to date: every
 * {@link #EVERY_SECONDS} seconds a container thread refreshes each active account in turn, that account bound, each
 * in a transaction of its own ({@link RollupWriter}). A figure on a dashboard is therefore at most about
 * {@code EVERY_SECONDS} plus one round of refreshes old (page views: plus the 5 s of {@link PageViews}). The refresh
 * reads orders, payments, holds and check-ins without locking them, so it never holds up a sale or a scan.
 */
@ApplicationScoped
public class Rollups {

    public static final long EVERY_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(Rollups.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    RollupAccounts accounts;
    @Inject
    RollupWriter writer;

    private ScheduledFuture<?> refreshing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        refreshing = scheduler.scheduleWithFixedDelay(this::refreshAllQuietly, 10, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (refreshing != null) {
            refreshing.cancel(false);
        }
    }

    /** One round: every active account, one transaction each. */
    public void refreshAll() {
        for (UUID account : accounts.active()) {
            try (var tenant = CurrentTenant.bind(account)) {
                writer.refresh();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Refreshing the dashboard figures of account " + account + " failed", e);
            }
        }
    }

    /**
     * Refreshes one account now, after a round that is refreshing it elsewhere (what the round does for it; tests
     * and the demo loader call it instead of waiting for the round).
     */
    public RollupWriter.Refresh refresh(UUID account) {
        try (var tenant = CurrentTenant.bind(account)) {
            return writer.refreshAfterOthers();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing the dashboard figures of account " + account + " failed", e);
            return new RollupWriter.Refresh(false, false, 0, 0);
        }
    }

    private void refreshAllQuietly() {
        try {
            refreshAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing the dashboard figures failed", e);
        }
    }
}
