package org.boxoffice.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.notify.HttpCourier;
import org.boxoffice.notify.KnativeSink;
import org.boxoffice.service.BoxOfficeConfig;
import org.boxoffice.service.Deliveries;
import org.boxoffice.testing.DrippingReceiver;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver that answers 200 and then drips its body, one byte a second, for ever: each attempt to it ends
 * at the deadline and counts as failed, it holds at most two attempts at a time, and a healthy receiver's
 * deliveries go out meanwhile without waiting for it.
 */
class SlowReceiverDeliveriesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int CHANGES = 10;

    private final WebhookReceiver healthy = new WebhookReceiver();
    private final DrippingReceiver dripping = new DrippingReceiver();
    private final Vertx vertx = Vertx.vertx();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryWebhookStore store = new InMemoryWebhookStore(outbox);
    private Deliveries deliveries;

    @AfterEach
    void stop() throws IOException {
        healthy.close();
        dripping.close();
        vertx.close();
    }

    @Test
    void aDrippingReceiverCostsOnlyItsOwnDeliveries() throws Exception {
        Instant now = Instant.now();
        Webhook slow = subscribe(dripping.url("/dripping"), now);
        subscribe(healthy.url("/healthy"), now);
        for (int i = 0; i < CHANGES; i++) {
            outbox.add(Notification.restore(NotificationId.random(), NotificationType.BOOKING_CONFIRMED,
                    EventId.random(), "olga", "bookings/" + java.util.UUID.randomUUID(), now, "{\"n\":" + i + "}"));
        }
        deliveries = deliveries();

        long started = System.nanoTime();
        deliveries.kick();

        healthy.await(r -> true, CHANGES, TIMEOUT.minusSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the healthy receiver did not wait")
                .isLessThan(TIMEOUT);
        assertThat(dripping.connections()).isBetween(1, 2);
        // Each attempt to the dripping receiver ends at its deadline, as a failure to retry.
        List<Delivery> slowOnes = Awaitility.await().atMost(TIMEOUT.multipliedBy(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> store.deliveries(slow.id(), CHANGES).stream().filter(d -> d.attempts() > 0).toList(),
                        attempted -> !attempted.isEmpty());
        assertThat(slowOnes).isNotEmpty().allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(Delivery.State.PENDING);
            assertThat(d.lastStatus()).as("no answer in time").isNull();
        });
        assertThat(dripping.connections()).as("at most two attempts at a time to one webhook").isBetween(1, 4);
    }

    @Test
    void aScheduledRunEndsWithinTheDeadlineOfItsAttempts() {
        Instant now = Instant.now();
        subscribe(dripping.url("/dripping"), now);
        outbox.add(Notification.restore(NotificationId.random(), NotificationType.BOOKING_CONFIRMED,
                EventId.random(), "olga", "bookings/" + java.util.UUID.randomUUID(), now, "{}"));
        deliveries = deliveries();

        long started = System.nanoTime();
        Deliveries.Run run = deliveries.drain(Duration.ofSeconds(30));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(2));
        assertThat(run.retrying()).isEqualTo(1);
    }

    private Webhook subscribe(String url, Instant now) {
        Webhook webhook = Webhook.subscribe(WebhookId.random(), "olga", false, url,
                List.of("booking.confirmed"), true, now.minusSeconds(1));
        store.add(webhook);
        return webhook;
    }

    private Deliveries deliveries() {
        BoxOfficeConfig config = mock(BoxOfficeConfig.class, RETURNS_DEEP_STUBS);
        when(config.webhooks().timeout()).thenReturn(TIMEOUT);
        when(config.webhooks().allowPrivateTargets()).thenReturn(true);
        when(config.webhooks().allEventsFor()).thenReturn(Duration.ofDays(7));
        when(config.webhooks().retries()).thenReturn(new org.boxoffice.domain.webhooks.RetrySchedule(
                List.of(Duration.ofMinutes(5))));
        Clock clock = Clock.systemUTC();
        KnativeSink sink = new KnativeSink(Optional.empty(), Optional.empty(), new ObjectMapper(), store, clock);
        return new Deliveries(store, new HttpCourier(config, sink, vertx), clock, config, new SimpleMeterRegistry());
    }
}
