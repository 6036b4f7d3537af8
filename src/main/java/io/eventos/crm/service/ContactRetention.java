package io.eventos.crm.service;

import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each account's retention period (an account setting, set on the settings page; the account context hands it
 * over through {@link RetentionPeriods}): once an hour every server looks at the accounts that set one (ids only), and
 * for each, the account bound, {@link RetentionSweep} anonymizes the contacts without activity for that long — on one
 * server of the cluster per account and round (advisory lock plus the account's stamp). Each account in a transaction
 * of its own; a failure is logged and the next account goes on.
 */
@ApplicationScoped
public class ContactRetention {

    /** How often an account is swept. */
    public static final Duration EVERY = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(ContactRetention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    RetentionAccounts accounts;
    @Inject
    RetentionSweep sweep;

    private ScheduledFuture<?> sweeping;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        sweeping = scheduler.scheduleWithFixedDelay(this::sweepAllQuietly, 15 * 60, EVERY.toSeconds(),
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    /** One round: every account with a retention period, one transaction each. */
    public void sweepAll() {
        for (UUID account : accounts.withRetention()) {
            sweep(account, EVERY);
        }
    }

    /** Sweeps one account now, unless another server holds it or swept it within {@code every} (then null). */
    public ContactPrivacyService.Retention sweep(UUID account, Duration every) {
        try (var tenant = CurrentTenant.bind(account)) {
            ContactPrivacyService.Retention done = sweep.sweep(every);
            if (done != null && done.contacts() > 0) {
                LOG.info("Retention: anonymized " + done.contacts() + " contacts of account " + account);
            }
            return done;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The retention sweep of account " + account + " failed", e);
            return null;
        }
    }

    private void sweepAllQuietly() {
        try {
            sweepAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The retention sweep failed", e);
        }
    }
}
