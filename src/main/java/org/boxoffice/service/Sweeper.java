package org.boxoffice.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.boxoffice.domain.IdempotencyStore;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.jboss.logging.Logger;

/**
 * Tells of expired holds, offers the seats free then to the waiting lists (expiring offers that ran out),
 * and tidies away old idempotency keys and old notifications, every {@code boxoffice.sweep-interval}.
 * Correctness never waits for it: an expired hold's seats are free the instant it expires.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);

    private final TicketStore store;
    private final IdempotencyStore idempotency;
    private final WebhookStore webhooks;
    private final Clock clock;
    private final BoxOfficeConfig config;
    private final TicketMetrics metrics;

    public Sweeper(TicketStore store, IdempotencyStore idempotency, WebhookStore webhooks, Clock clock,
            BoxOfficeConfig config, TicketMetrics metrics) {
        this.store = store;
        this.idempotency = idempotency;
        this.webhooks = webhooks;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${boxoffice.sweep-interval}", delayed = "${boxoffice.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** What a sweep did: holds found expired, and offers made to waiting lists. */
    public record Swept(int expiredHolds, int offers) {
    }

    /**
     * Marks the holds expired by now (each yields its {@code hold.expired}), makes the waiting lists' offers
     * (each yields its {@code waitlist.offered}), forgets old idempotency keys and the notifications past
     * their retention.
     */
    public Swept sweep() {
        Instant now = clock.instant();
        int holds = store.sweepExpiredHolds(now);
        metrics.holdsExpired(holds);
        int offers = store.offerFreedSeats(now);
        int keys = idempotency.sweep(now.minus(config.idempotency().retention()));
        int notifications = webhooks.purge(now.minus(config.webhooks().retention()));
        if (holds > 0 || offers > 0 || keys > 0 || notifications > 0) {
            LOG.debugf("Swept %d expired holds, made %d offers, forgot %d idempotency keys and %d old notifications",
                    holds, offers, keys, notifications);
        }
        return new Swept(holds, offers);
    }
}
