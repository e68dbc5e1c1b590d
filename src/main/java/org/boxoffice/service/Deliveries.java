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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.boxoffice.domain.Courier;
import org.boxoffice.domain.Delivery;
import org.boxoffice.domain.RetrySchedule;
import org.boxoffice.domain.WebhookStore;
import org.jboss.logging.Logger;

/**
 * Sends the notifications the stores wrote with their changes to the webhooks that receive them: hands
 * new ones out, then sends each due delivery once, concurrently, and keeps the outcome (a retry by the
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
    /**
     * The pause after a run before the next one the changes meanwhile asked for: under load, the changes of
     * that time are handed out in one batch rather than a statement each.
     */
    private static final long RUN_GAP_MILLIS = 25;
    /** How long the counts behind the gauges are reused: a scrape must not cost a query per gauge. */
    private static final Duration COUNTS_MAX_AGE = Duration.ofSeconds(5);

    /** What one run did. */
    public record Run(int handedOut, int delivered, int retrying, int failed) {

        Run plus(Run other) {
            return new Run(handedOut + other.handedOut, delivered + other.delivered, retrying + other.retrying,
                    failed + other.failed);
        }
    }

    private final WebhookStore store;
    private final Courier courier;
    private final Clock clock;
    private final RetrySchedule retries;
    private final Duration lease;
    private final Map<Delivery.State, Timer> attemptTimes = new EnumMap<>(Delivery.State.class);
    private final Timer lag;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "boxoffice-deliveries");
        thread.setDaemon(true);
        return thread;
    });
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
        // A batch's attempts end within the timeout; one outlives its lease only if the instance died or froze
        // mid-attempt: then another instance takes it over.
        this.lease = config.webhooks().timeout().multipliedBy(2).plusSeconds(5);
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
     * Hands out new notifications and sends what is due until nothing is, starting no new batch after
     * {@code budget}; a batch takes at most {@code boxoffice.webhooks.timeout} more.
     */
    public Run drain(Duration budget) {
        long stopAt = System.nanoTime() + budget.toNanos();
        Run total = new Run(0, 0, 0, 0);
        courier.prepare();
        int handed;
        do {
            handed = store.fanOut(clock.instant(), FAN_OUT_BATCH);
            total = total.plus(new Run(handed, 0, 0, 0));
        } while (handed == FAN_OUT_BATCH && System.nanoTime() < stopAt);
        while (System.nanoTime() < stopAt) {
            List<WebhookStore.Job> jobs = store.claimDue(clock.instant(), lease, SEND_BATCH);
            if (jobs.isEmpty()) {
                break;
            }
            total = total.plus(send(jobs));
        }
        return total;
    }

    private Run send(List<WebhookStore.Job> jobs) {
        List<CompletableFuture<Delivery>> attempts = new ArrayList<>(jobs.size());
        for (WebhookStore.Job job : jobs) {
            long started = System.nanoTime();
            attempts.add(courier.deliver(job, clock.instant()).toCompletableFuture()
                    .thenApply(status -> {
                        Delivery attempted = job.delivery().attempted(status, retries, clock.instant());
                        attemptTimes.get(attempted.state()).record(Duration.ofNanos(System.nanoTime() - started));
                        if (attempted.state() == Delivery.State.DELIVERED) {
                            lag.record(Duration.between(job.notification().time(), clock.instant()));
                        }
                        return attempted;
                    }));
        }
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        for (CompletableFuture<Delivery> attempt : attempts) {
            Delivery attempted = attempt.join();
            store.record(attempted, clock.instant());
            switch (attempted.state()) {
                case DELIVERED -> delivered++;
                case PENDING -> retrying++;
                case FAILED -> failed++;
            }
            if (attempted.gone()) {
                LOG.infof("Webhook %s answered 410 Gone: disabled", attempted.webhookId());
            }
        }
        return new Run(0, delivered, retrying, failed);
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
                drain(Duration.ofMinutes(1));
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
