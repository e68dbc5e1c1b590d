package org.boxoffice.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.boxoffice.testing.WebhookReceiver.Received;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Notifications to a receiver on this machine, signed, and delivered however the artifact runs: where
 * the instance keeps running, right after the change; on Lambda, which freezes the function between
 * requests, by the every-minute schedule event. The test sends that event ({@code POST /scheduled},
 * no token) until the delivery arrives, as the scheduler would.
 */
class WebhooksAcceptanceIT extends AcceptanceTest {

    @Test
    void aBookingIsDeliveredSignedToTheOrganizersWebhook() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Caller organizer = organizer();
            String secret = organizer.post("/webhooks", Map.of("url", receiver.url("/hooks"),
                    "events", List.of("booking.confirmed"))).statusCode(201).extract().path("secret");
            String eventId = createEvent(organizer, 10);
            String bookingId = customer().post("/bookings", Map.of("event_id", eventId, "seats", List.of(7)))
                    .statusCode(201).extract().path("booking_id");

            Received delivered = awaitDeliveries(receiver, r -> r.subject().equals("bookings/" + bookingId), 1).get(0);
            assertThat(delivered.signedWith(secret)).isTrue();
            assertThat(delivered.type()).isEqualTo("booking.confirmed");
            assertThat(delivered.json().at("/data/seats/0").asInt()).isEqualTo(7);
            assertThat(delivered.header("content-type")).startsWith("application/cloudevents+json");
        }
    }

    @Test
    void aFailedDeliveryIsRetriedByTheScheduleEvent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer("/flaky", 500, 204);
            Caller organizer = organizer();
            String webhookId = organizer.post("/webhooks", Map.of("url", receiver.url("/flaky"),
                    "events", List.of("event.created"))).statusCode(201).extract().path("webhook_id");
            String eventId = createEvent(organizer, 10);

            List<Received> attempts = awaitDeliveries(receiver,
                    r -> r.subject().equals("events/" + eventId) || r.json().at("/data/event_id").asText().equals(eventId), 2);
            assertThat(attempts).extracting(Received::answered).containsExactly(500, 204);
            organizer.get("/webhooks/" + webhookId + "/deliveries").statusCode(200)
                    .body("[0].state", equalTo("delivered")).body("[0].attempts", equalTo(2));
        }
    }

    /** Sends the schedule event every 2 s (retries wait 5 s) until {@code count} deliveries match; 60 s at most. */
    private static List<Received> awaitDeliveries(WebhookReceiver receiver, Predicate<Received> which, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (receiver.received(which).size() >= count) {
                return true;
            }
            runScheduled();
            return false;
        });
        return receiver.received(which);
    }
}
