package org.boxoffice.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.Delivery;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.WebhookStore;
import org.boxoffice.service.BoxOfficeConfig;
import org.boxoffice.store.memory.InMemoryOutbox;
import org.boxoffice.store.memory.InMemoryWebhookStore;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The courier's two ways out: to a webhook, a signed structured-mode CloudEvent, refused when the target
 * is private and that is not allowed (checked again at each attempt); to the Knative sink ({@code K_SINK}),
 * a binary-mode CloudEvent with the {@code K_CE_OVERRIDES} extensions.
 */
class HttpCourierTest {

    private static final Instant NOW = Instant.now();
    private static final String BOOKING = "01a23808-b9ea-7551-892e-f7d6cda69125";
    private static final Notification BOOKED = Notification.restore(NotificationId.random(),
            NotificationType.BOOKING_CONFIRMED, EventId.random(), "olga", "bookings/" + BOOKING, NOW,
            "{\"booking_id\":\"" + BOOKING + "\",\"seats\":[1,2]}");

    private WebhookReceiver receiver;
    private WebhookStore store;

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver();
        store = new InMemoryWebhookStore(new InMemoryOutbox());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static BoxOfficeConfig config(boolean allowPrivateTargets) {
        BoxOfficeConfig config = mock(BoxOfficeConfig.class, RETURNS_DEEP_STUBS);
        when(config.webhooks().timeout()).thenReturn(Duration.ofSeconds(5));
        when(config.webhooks().allowPrivateTargets()).thenReturn(allowPrivateTargets);
        return config;
    }

    private KnativeSink sink(String url, String overrides) {
        return new KnativeSink(Optional.ofNullable(url), Optional.ofNullable(overrides), new ObjectMapper(), store,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static WebhookStore.Job job(Webhook webhook) {
        return new WebhookStore.Job(Delivery.of(webhook, BOOKED, NOW), webhook, BOOKED);
    }

    private Webhook webhook(String path, boolean allowPrivate) {
        return Webhook.subscribe(WebhookId.random(), "olga", false, receiver.url(path), List.of("booking.confirmed"),
                allowPrivate, NOW.minusSeconds(1));
    }

    @Test
    void aWebhookGetsASignedStructuredCloudEvent() throws Exception {
        HttpCourier courier = new HttpCourier(config(true), sink(null, null));
        Webhook webhook = webhook("/hook", true);

        assertThat(courier.deliver(job(webhook), NOW).toCompletableFuture().get()).isEqualTo(204);

        WebhookReceiver.Received sent = receiver.received(r -> true).get(0);
        assertThat(sent.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(sent.header("webhook-id")).isEqualTo(BOOKED.id().toString());
        assertThat(sent.header("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(sent.signedWith(webhook.currentSecret())).isTrue();
        assertThat(sent.json().path("data")).isEqualTo(new ObjectMapper().readTree(BOOKED.data()));
        assertThat(sent.json().path("subject").asText()).isEqualTo("bookings/" + BOOKING);
        assertThat(sent.header("upgrade")).as("plain HTTP/1.1, no h2c upgrade").isNull();
    }

    @Test
    void aPrivateTargetIsNotSentToWhenThatIsNotAllowedEvenIfItWasOnceAccepted() throws Exception {
        HttpCourier courier = new HttpCourier(config(false), sink(null, null));
        receiver.answer("/hook", 200);

        assertThat(courier.deliver(job(webhook("/hook", true)), NOW).toCompletableFuture().get())
                .as("no answer: the attempt failed").isNull();
        assertThat(receiver.received(r -> true)).isEmpty();
    }

    @Test
    void aReceiverThatDoesNotListenIsNoAnswer() throws Exception {
        HttpCourier courier = new HttpCourier(config(true), sink(null, null));
        Webhook nowhere = Webhook.subscribe(WebhookId.random(), "olga", false, "http://127.0.0.1:9/closed",
                List.of("booking.confirmed"), true, NOW);

        assertThat(courier.deliver(job(nowhere), NOW).toCompletableFuture().get()).isNull();
    }

    @Test
    void theKnativeSinkVouchesForItsAllEventsSubscriptionOnEachRun() {
        new HttpCourier(config(false), sink(receiver.url("/sink"), null)).prepare();
        // As if a token without the admin role came in the sink's owner's name, and a week went by.
        store.ownerSeen(KnativeSink.OWNER, false, NOW);
        Instant later = NOW.plus(Duration.ofDays(8));
        assertThat(store.list(Optional.empty())).singleElement()
                .satisfies(webhook -> assertThat(webhook.receivesEveryEvent(NOW)).isFalse());

        new HttpCourier(config(false), new KnativeSink(Optional.of(receiver.url("/sink")), Optional.empty(),
                new ObjectMapper(), store, Clock.fixed(later, ZoneOffset.UTC))).prepare();

        assertThat(store.list(Optional.empty())).singleElement()
                .satisfies(webhook -> assertThat(webhook.receivesEveryEvent(later.minus(Duration.ofDays(7)))).isTrue());
    }

    @Test
    void theKnativeSinkGetsABinaryCloudEventWithTheOverridesAndIsSubscribedOnce() throws Exception {
        KnativeSink sink = sink(receiver.url("/sink"), "{\"extensions\": {\"cluster\": \"eu-1\"}}");
        HttpCourier courier = new HttpCourier(config(false), sink);

        courier.prepare();
        courier.prepare();
        List<Webhook> subscribed = store.list(Optional.empty());
        assertThat(subscribed).singleElement().satisfies(webhook -> {
            assertThat(webhook.url()).isEqualTo(URI.create(receiver.url("/sink")));
            assertThat(webhook.everyEvent()).isTrue();
            assertThat(webhook.types()).containsExactlyInAnyOrder(NotificationType.values());
        });
        assertThat(sink(receiver.url("/sink"), null).is(subscribed.get(0)))
                .as("every instance finds the same sink webhook").isTrue();

        assertThat(courier.deliver(job(subscribed.get(0)), NOW).toCompletableFuture().get())
                .as("the sink is inside the cluster: the private-target rule does not apply").isEqualTo(204);
        WebhookReceiver.Received sent = receiver.received(r -> true).get(0);
        assertThat(sent.header("ce-specversion")).isEqualTo("1.0");
        assertThat(sent.header("ce-id")).isEqualTo(BOOKED.id().toString());
        assertThat(sent.header("ce-type")).isEqualTo("org.boxoffice.booking.confirmed");
        assertThat(sent.header("ce-source")).isEqualTo(BOOKED.source());
        assertThat(sent.header("ce-subject")).isEqualTo("bookings/" + BOOKING);
        assertThat(sent.header("ce-cluster")).isEqualTo("eu-1");
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        assertThat(sent.body()).isEqualTo(BOOKED.data());
    }
}
