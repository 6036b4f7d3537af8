package io.eventos.platform.outbox;

import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: {@value #WORKERS} worker threads claim due rows ({@link OutboxStore#claim}, at most
 * {@value #BATCH} at a time, leased for {@link #LEASE}), hand each to its {@link OutboxConsumer} outside any
 * transaction, then record the outcomes in one transaction. A worker sleeps until a transaction that wrote a row
 * commits ({@link #wake()}) or {@link #POLL} passes (retries come due, other servers' rows), then {@link #GATHER}
 * more, so that under load one batch carries the emails of many commits. A failed delivery is
 * due again after 30 s, doubling up to 6 h; the {@value #MAX_ATTEMPTS}th failure sets the row aside as dead (logged,
 * counted by {@link OutboxReadiness}). Delivered rows are purged after {@value #KEEP_DAYS} days.
 * <p>{@code EVENTOS_OUTBOX_PAUSED=true} stops delivery on this server (rows wait, none is lost): for an operator who
 * needs to hold mail back, and for the restart test.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    static final int WORKERS = 2;
    static final int BATCH = 100;
    static final int MAX_ATTEMPTS = 10;
    static final int KEEP_DAYS = 30;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration POLL = Duration.ofSeconds(2);
    /** After a wake-up, a worker waits this long so that the rows of commits close together go in one batch. */
    static final Duration GATHER = Duration.ofMillis(50);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(6);

    @Inject
    OutboxStore store;
    @Inject
    @Any
    Instance<OutboxConsumer> consumers;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private final Map<String, OutboxConsumer> byName = new HashMap<>();
    private boolean woken;
    private volatile boolean stopping;
    private volatile Instant nextPurge = Instant.now().plus(Duration.ofMinutes(5));

    /** Starts the workers with the application (unless paused). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (ConfigProvider.getConfig().getOptionalValue("eventos.outbox.paused", Boolean.class).orElse(false)) {
            LOG.warning("EVENTOS_OUTBOX_PAUSED is set: this server delivers no emails; they wait in the outbox.");
            return;
        }
        for (OutboxConsumer consumer : consumers) {
            byName.put(consumer.name(), consumer);
        }
        synchronized (workers) {
            for (int i = 0; i < WORKERS; i++) {
                Thread worker = threads.newThread(this::work);
                worker.setName("eventos-outbox-" + (i + 1));
                worker.setDaemon(true);
                worker.start();
                workers.add(worker);
            }
        }
    }

    /** A transaction that wrote rows has committed: a sleeping worker looks now. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void work() {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            try {
                if (deliverBatch() < BATCH) {
                    sleep();
                }
                purgeWhenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                // the database is away (restarting, failing over): try again after a pause
                LOG.log(Level.WARNING, "The outbox could not be read; trying again in " + POLL.toSeconds() + " s.", e);
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims, delivers and records one batch; returns how many rows it had. */
    int deliverBatch() {
        List<OutboxMessage> batch = store.claim(BATCH, LEASE);
        if (batch.isEmpty()) {
            return 0;
        }
        List<OutboxStore.Outcome> outcomes = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            outcomes.add(deliver(message));
        }
        store.settle(outcomes);
        return batch.size();
    }

    private OutboxStore.Outcome deliver(OutboxMessage message) {
        OutboxConsumer consumer = byName.get(message.consumer());
        try {
            if (consumer == null) {
                throw new IllegalStateException("no consumer is called '" + message.consumer() + "'");
            }
            if (message.accountId() == null) {
                consumer.deliver(message);
            } else {
                try (var bound = CurrentTenant.bind(message.accountId())) {
                    consumer.deliver(message);
                }
            }
            return OutboxStore.Outcome.delivered(message);
        } catch (Exception e) {
            boolean dead = message.attempt() >= MAX_ATTEMPTS;
            Duration retryIn = retryDelay(message.attempt());
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            if (dead) {
                LOG.log(Level.SEVERE, "Outbox row " + message.id() + " (" + message.topic() + ", " + message.consumer()
                        + ") failed " + message.attempt() + " times and is set aside as dead: " + error, e);
            } else {
                LOG.log(Level.WARNING, "Outbox row " + message.id() + " (" + message.topic() + ") failed (attempt "
                        + message.attempt() + "); trying again in " + retryIn.toSeconds() + " s: " + error);
            }
            return new OutboxStore.Outcome(message, error.length() > 2000 ? error.substring(0, 2000) : error, dead,
                    retryIn);
        }
    }

    /** 30 s after the first failure, doubling each time, at most 6 h. */
    static Duration retryDelay(int attempt) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    private void sleep() throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(POLL.toMillis());
            }
            woken = false;
        }
        // under load, one claim and one record of outcomes for many emails instead of two transactions for each
        Thread.sleep(GATHER.toMillis());
    }

    private void purgeWhenDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        long gone = store.purge(KEEP_DAYS);
        if (gone > 0) {
            LOG.info(() -> gone + " delivered outbox rows older than " + KEEP_DAYS + " days were deleted.");
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (workers) {
            workers.forEach(Thread::interrupt);
        }
    }
}
