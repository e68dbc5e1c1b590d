package org.boxoffice.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.boxoffice.domain.webhooks.Courier;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.webhooks.RetrySchedule;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.jboss.logging.Logger;

/**
 * Sends the notifications the stores wrote with their changes to the webhooks that receive them: hands
 * new ones out, then sends each due delivery once, concurrently (a few at a time to each webhook), and keeps
 * the outcome (a retry by the
 * schedule, delivered, or failed). A run starts right after each change ({@link #kick}, on a thread of its
 * own, so no answer waits for it), every {@code boxoffice.webhooks.poll-interval}, and on
 * {@code POST /scheduled}, where no background thread can be relied on (AWS Lambda freezes a function
 * between invocations; Knative may scale it to zero). Any number of instances may run at once: the store
 * leases each attempt to one of them.
 *
 * <p>Metrics: {@code boxoffice_webhook_deliveries_pending} and {@code boxoffice_webhook_deliveries_failed}
 * (gauges), {@code boxoffice_webhook_attempt_seconds} (each attempt's round trip, by outcome) and
 * {@code boxoffice_webhook_delivery_lag_seconds} (from the change to its delivery), as histograms.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    private static final int FAN_OUT_BATCH = 500;
    private static final int SEND_BATCH = 16;
    /** Deliveries claimed and not finished on this instance, running or waiting in their webhook's lane. */
    static final int MAX_CLAIMED = 256;
    /** Attempts running at once to one webhook on this instance. */
    static final int MAX_IN_FLIGHT_PER_WEBHOOK = 2;
    /**
     * The pause after a run before the next one the changes meanwhile asked for: under load, the changes of
     * that time are handed out in one batch rather than a statement each.
     */
    private static final long RUN_GAP_MILLIS = 25;
    /** How long the counts behind the gauges are reused: a scrape must not cost a query per gauge. */
    private static final Duration COUNTS_MAX_AGE = Duration.ofSeconds(5);

    /** What one run did. */
    public record Run(int handedOut, int delivered, int retrying, int failed) {
    }

    private final WebhookStore store;
    private final Courier courier;
    private final Clock clock;
    private final RetrySchedule retries;
    private final Duration lease;
    private final Duration allEventsFor;
    private final Map<Delivery.State, Timer> attemptTimes = new EnumMap<>(Delivery.State.class);
    private final Timer lag;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "boxoffice-deliveries");
        thread.setDaemon(true);
        return thread;
    });
    /** Keeps the attempts' outcomes (store writes), off the HTTP client's and the timer's threads. */
    private final ExecutorService outcomes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "boxoffice-delivery-outcomes");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore claimed = new Semaphore(MAX_CLAIMED);
    private final Map<WebhookId, Lane> lanes = new ConcurrentHashMap<>();
    /** How long a claimed delivery may wait in its lane: one attempt's time short of its lease. */
    private final Duration leaseForWaiting;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicReference<CachedCounts> counts = new AtomicReference<>();

    private record CachedCounts(WebhookStore.Counts counts, long readAt) {
    }

    public Deliveries(WebhookStore store, Courier courier, Clock clock, BoxOfficeConfig config,
            MeterRegistry registry) {
        this.store = store;
        this.courier = courier;
        this.clock = clock;
        this.retries = config.webhooks().retries();
        this.allEventsFor = config.webhooks().allEventsFor();
        // An attempt ends within the timeout; one outlives its lease only if the instance died or froze
        // mid-attempt: then another instance takes it over.
        this.lease = config.webhooks().timeout().multipliedBy(2).plusSeconds(5);
        this.leaseForWaiting = lease.minus(config.webhooks().timeout()).minusSeconds(2);
        for (Delivery.State outcome : Delivery.State.values()) {
            attemptTimes.put(outcome, Timer.builder("boxoffice.webhook.attempt")
                    .description("One delivery attempt's round trip, by outcome")
                    .tag("outcome", outcome.wireName())
                    .publishPercentileHistogram().register(registry));
        }
        this.lag = Timer.builder("boxoffice.webhook.delivery.lag")
                .description("From a change to its notification's delivery")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("boxoffice.webhook.deliveries.pending", this, d -> d.counts().pending())
                .description("Deliveries waiting for an attempt").register(registry);
        Gauge.builder("boxoffice.webhook.deliveries.failed", this, d -> d.counts().failed())
                .description("Deliveries that failed for good").register(registry);
    }

    /**
     * Hands out new notifications and sends what is due until nothing is, starting no new attempt after
     * {@code budget}, and waits for the attempts it started: each ends within
     * {@code boxoffice.webhooks.timeout}. For {@code POST /scheduled}, where nothing may run on after the answer.
     */
    public Run drain(Duration budget) {
        int handed = handOut(budget);
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        for (CompletableFuture<Delivery> attempt : start(budget)) {
            Delivery attempted;
            try {
                attempted = attempt.join();
            } catch (CompletionException | CancellationException e) {
                continue;
            }
            if (attempted == null) {
                continue;
            }
            switch (attempted.state()) {
                case DELIVERED -> delivered++;
                case PENDING -> retrying++;
                case FAILED -> failed++;
            }
        }
        return new Run(handed, delivered, retrying, failed);
    }

    private int handOut(Duration budget) {
        long stopAt = System.nanoTime() + budget.toNanos();
        courier.prepare();
        int total = 0;
        int handed;
        do {
            Instant now = clock.instant();
            handed = store.fanOut(now, now.minus(allEventsFor), FAN_OUT_BATCH);
            total += handed;
        } while (handed == FAN_OUT_BATCH && System.nanoTime() < stopAt);
        return total;
    }

    /**
     * Starts an attempt of each due delivery: at most {@link #MAX_IN_FLIGHT_PER_WEBHOOK} at once to one
     * webhook (the rest of its deliveries wait in its lane), so that a slow receiver holds only its own
     * deliveries, and at most {@link #MAX_CLAIMED} claimed and unfinished on this instance. One that waited
     * in its lane until its lease was nearly out is left for a later claim, so that no two instances send it.
     *
     * @return each started delivery's outcome: the delivery after its attempt, or null when left
     */
    private List<CompletableFuture<Delivery>> start(Duration budget) {
        long stopAt = System.nanoTime() + budget.toNanos();
        List<CompletableFuture<Delivery>> attempts = new ArrayList<>();
        while (System.nanoTime() < stopAt) {
            claimed.acquireUninterruptibly(SEND_BATCH);
            List<WebhookStore.Job> jobs;
            try {
                jobs = store.claimDue(clock.instant(), lease, SEND_BATCH);
            } finally {
                claimed.release(SEND_BATCH);
            }
            if (jobs.isEmpty()) {
                break;
            }
            claimed.acquireUninterruptibly(jobs.size());
            long claimedAt = System.nanoTime();
            for (WebhookStore.Job job : jobs) {
                CompletableFuture<Delivery> outcome = new CompletableFuture<>();
                outcome.whenComplete((attempted, failure) -> claimed.release());
                lanes.computeIfAbsent(job.webhook().id(), id -> new Lane()).offer(new Waiting(job, claimedAt, outcome));
                attempts.add(outcome);
            }
        }
        return attempts;
    }

    private record Waiting(WebhookStore.Job job, long claimedAt, CompletableFuture<Delivery> outcome) {
    }

    /** One webhook's deliveries on this instance: a few attempts running, the others waiting their turn. */
    private final class Lane {
        private final java.util.ArrayDeque<Waiting> waiting = new java.util.ArrayDeque<>();
        private int running;

        void offer(Waiting next) {
            synchronized (this) {
                if (running >= MAX_IN_FLIGHT_PER_WEBHOOK) {
                    waiting.add(next);
                    return;
                }
                running++;
            }
            run(next);
        }

        private void run(Waiting next) {
            attempt(next.job()).whenComplete((attempted, failure) -> {
                if (failure == null) {
                    next.outcome().complete(attempted);
                } else {
                    next.outcome().completeExceptionally(failure);
                }
                Waiting following = null;
                synchronized (this) {
                    running--;
                    while (!waiting.isEmpty() && following == null) {
                        Waiting candidate = waiting.poll();
                        if (System.nanoTime() - candidate.claimedAt() > leaseForWaiting.toNanos()) {
                            candidate.outcome().complete(null);
                        } else {
                            following = candidate;
                            running++;
                        }
                    }
                }
                if (following != null) {
                    run(following);
                }
            });
        }
    }

    private CompletableFuture<Delivery> attempt(WebhookStore.Job job) {
        long started = System.nanoTime();
        return courier.deliver(job, clock.instant()).toCompletableFuture().thenApplyAsync(status -> {
            Delivery attempted = job.delivery().attempted(status, retries, clock.instant());
            attemptTimes.get(attempted.state()).record(Duration.ofNanos(System.nanoTime() - started));
            if (attempted.state() == Delivery.State.DELIVERED) {
                lag.record(Duration.between(job.notification().time(), clock.instant()));
            }
            store.record(attempted, clock.instant());
            if (attempted.disablesWebhook()) {
                LOG.infof("Webhook %s disabled: %s", attempted.webhookId(), attempted.gone()
                        ? "its receiver answered 410 Gone" : "a delivery failed for good");
            }
            return attempted;
        }, outcomes).whenComplete((attempted, failure) -> {
            if (failure != null) {
                LOG.warnf("Could not keep a delivery's outcome; it is tried again once its lease runs out: %s",
                        failure.toString());
            }
        });
    }

    /**
     * Asks for a run soon, on this instance's delivery thread, and returns at once. Asks while a run is
     * going make one more run after it, not one each.
     */
    public void kick() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            background.execute(this::runWhileAsked);
        }
    }

    private void runWhileAsked() {
        try {
            while (again.getAndSet(false)) {
                // No wait for the attempts: each keeps its own outcome, so the next run need not wait for a
                // slow receiver.
                handOut(Duration.ofMinutes(1));
                start(Duration.ofMinutes(1));
                Thread.sleep(RUN_GAP_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Delivering notifications failed; the next run tries again: %s", e.toString());
        } finally {
            running.set(false);
        }
        if (again.get() && running.compareAndSet(false, true)) {
            background.execute(this::runWhileAsked);
        }
    }

    @Scheduled(every = "${boxoffice.webhooks.poll-interval}", delayed = "${boxoffice.webhooks.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
        outcomes.shutdown();
    }

    private WebhookStore.Counts counts() {
        CachedCounts cached = counts.get();
        long now = System.nanoTime();
        if (cached == null || now - cached.readAt() > COUNTS_MAX_AGE.toNanos()) {
            try {
                cached = new CachedCounts(store.counts(), now);
                counts.set(cached);
            } catch (RuntimeException e) {
                LOG.debugf("Could not count deliveries: %s", e.toString());
                return cached == null ? new WebhookStore.Counts(0, 0) : cached.counts();
            }
        }
        return cached.counts();
    }
}
