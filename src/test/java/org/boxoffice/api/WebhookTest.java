package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.hold;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.boxoffice.testing.TestClock;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end, to a real receiver on a loopback port: what is sent (a CloudEvent, signed by the
 * Standard Webhooks scheme, carrying the API's own JSON), to whom, again after a failure, never after
 * 410 Gone, signed by both secrets while a rotated one overlaps; and what bad subscriptions are told.
 */
@QuarkusTest
class WebhookTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private JsonPath subscribe(String path, String... types) {
        return postJson("/webhooks", Map.of("url", receiver.url(path), "events", List.of(types)))
                .statusCode(201).extract().jsonPath();
    }

    private List<WebhookReceiver.Received> await(String subject, String type, int count) {
        return receiver.await(r -> r.subject().equals(subject) && r.type().equals(type), count, PATIENCE);
    }

    @Test
    void aChangeIsDeliveredAsASignedCloudEventCarryingTheApisJson() throws Exception {
        JsonPath webhook = subscribe("/tickets", "event.created", "booking.confirmed");
        String secret = webhook.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(webhook.getList("events")).containsExactly("event.created", "booking.confirmed");

        String eventId = createEvent(10);
        hold(eventId, 9).statusCode(201);
        String bookingId = book(eventId, 1, 2).statusCode(201).extract().path("booking_id");

        WebhookReceiver.Received delivery = await("bookings/" + bookingId, "booking.confirmed", 1).get(0);
        assertThat(delivery.path()).isEqualTo("/tickets");
        assertThat(delivery.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(delivery.signedWith(secret)).as("signature %s", delivery.header("webhook-signature")).isTrue();
        assertThat(Long.parseLong(delivery.header("webhook-timestamp")))
                .isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
        JsonNode event = delivery.json();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo(delivery.header("webhook-id"));
        assertThat(event.path("type").asText()).isEqualTo("org.boxoffice.booking.confirmed");
        assertThat(event.path("source").asText()).isEqualTo("/events/" + eventId);
        assertThat(Instant.parse(event.path("time").asText())).isNotNull();
        JsonNode asTheApiShowsIt = JSON.readTree(given().get("/bookings/" + bookingId).then().statusCode(200)
                .extract().asString());
        assertThat(event.path("data")).isEqualTo(asTheApiShowsIt);

        await("events/" + eventId, "event.created", 1);
        assertThat(receiver.received(r -> r.type().equals("hold.placed"))).as("not subscribed").isEmpty();
        String webhookId = webhook.getString("webhook_id");
        // Each attempt keeps its outcome as it ends, a moment after the receiver has the request.
        awaitDelivery(webhookId, delivery.header("webhook-id"), "delivered");
        Map<String, Object> delivered = delivery(webhookId, delivery.header("webhook-id"));
        assertThat(delivered.get("type")).isEqualTo("booking.confirmed");
        assertThat(delivered.get("attempts")).isEqualTo(1);
        assertThat(delivered.get("last_status")).isEqualTo(204);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("boxoffice_webhook_deliveries_pending ", "boxoffice_webhook_deliveries_failed ",
                "boxoffice_webhook_delivery_lag_seconds_bucket{", "boxoffice_webhook_attempt_seconds_bucket{");
    }

    @Test
    void aFailedDeliveryIsTriedAgainByTheScheduleWithTheSameId() {
        receiver.answer("/flaky", 500, 200);
        String webhookId = subscribe("/flaky", "event.created").getString("webhook_id");

        String eventId = createEvent(5);
        WebhookReceiver.Received first = await("events/" + eventId, "event.created", 1).get(0);
        awaitDelivery(webhookId, first.header("webhook-id"), "pending");
        Map<String, Object> pending = delivery(webhookId, first.header("webhook-id"));
        assertThat(pending.get("attempts")).isEqualTo(1);
        assertThat(pending.get("last_status")).isEqualTo(500);
        assertThat(Instant.parse((String) pending.get("next_attempt_at"))).isAfter(clock.instant());

        clock.advance(Duration.ofSeconds(6));
        given().post("/scheduled").then().statusCode(200).body("skipped", equalTo(false));

        List<WebhookReceiver.Received> both = await("events/" + eventId, "event.created", 2);
        assertThat(both).extracting(r -> r.header("webhook-id")).containsOnly(first.header("webhook-id"));
        awaitDelivery(webhookId, first.header("webhook-id"), "delivered");
        assertThat(delivery(webhookId, first.header("webhook-id")).get("attempts")).isEqualTo(2);
    }

    @Test
    void aReceiverThatSaysGoneHasItsWebhookDisabled() throws Exception {
        receiver.answer("/gone", 410);
        String webhookId = subscribe("/gone", "event.created").getString("webhook_id");

        String eventId = createEvent(5);
        String id = await("events/" + eventId, "event.created", 1).get(0).header("webhook-id");
        awaitDelivery(webhookId, id, "failed");

        given().get("/webhooks/" + webhookId).then().statusCode(200)
                .body("status", equalTo("disabled"))
                .body("$", hasKey("disabled_at"));
        String later = createEvent(5);
        given().post("/scheduled").then().statusCode(200);
        receiver.awaitNoMore(r -> r.subject().equals("events/" + later), 0, Duration.ofMillis(500));
    }

    @Test
    void whileARotatedSecretOverlapsBothSignEachDelivery() {
        JsonPath webhook = subscribe("/rotating", "event.created");
        String webhookId = webhook.getString("webhook_id");
        String oldSecret = webhook.getString("secret");

        String newSecret = given().post("/webhooks/" + webhookId + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        given().get("/webhooks/" + webhookId).then().statusCode(200).body("$", not(hasKey("secret")));

        String eventId = createEvent(5);
        WebhookReceiver.Received delivery = await("events/" + eventId, "event.created", 1).get(0);
        assertThat(delivery.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(delivery.signedWith(oldSecret)).isTrue();
        assertThat(delivery.signedWith(newSecret)).isTrue();
        assertThat(delivery.signedWith("whsec_" + Base64.getEncoder().encodeToString(new byte[32])))
                .as("a secret it does not have").isFalse();
    }

    @Test
    void aRotationThatExpiresTheOldSecretSignsEveryDeliveryWithTheNewOneOnly() {
        JsonPath webhook = subscribe("/leaked", "event.created");
        String webhookId = webhook.getString("webhook_id");
        String leaked = webhook.getString("secret");
        given().post("/webhooks/" + webhookId + "/rotate-secret").then().statusCode(200);

        assertProblem(given().queryParam("expire_old", "yes").post("/webhooks/" + webhookId + "/rotate-secret")
                .then(), 400).body("errors[0].field", equalTo("expire_old"));
        String newSecret = given().queryParam("expire_old", true).post("/webhooks/" + webhookId + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");

        String eventId = createEvent(5);
        WebhookReceiver.Received delivery = await("events/" + eventId, "event.created", 1).get(0);
        assertThat(delivery.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(delivery.signedWith(newSecret)).isTrue();
        assertThat(delivery.signedWith(leaked)).isFalse();
    }

    @Test
    void aReplayOfACreationAnswersTheWebhookWithoutItsSecretWhichNoIdempotencyRecordKeeps() {
        Map<String, Object> body = Map.of("url", receiver.url("/replayed"), "events", List.of("event.created"));
        JsonPath first = given().contentType("application/json").header("Idempotency-Key", "hook-replay-1")
                .body(body).post("/webhooks").then().statusCode(201).extract().jsonPath();
        assertThat(first.getString("secret")).startsWith("whsec_");

        given().contentType("application/json").header("Idempotency-Key", "hook-replay-1").body(body)
                .post("/webhooks").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", "/webhooks/" + first.getString("webhook_id"))
                .body("webhook_id", equalTo(first.getString("webhook_id")))
                .body("$", not(hasKey("secret")));
        assertThat(given().get("/webhooks").then().statusCode(200).extract().jsonPath()
                .<String>getList("webhook_id")).containsOnlyOnce(first.getString("webhook_id"));

        // The secret made then still signs: only the answer went without it.
        String eventId = createEvent(5);
        assertThat(await("events/" + eventId, "event.created", 1).get(0).signedWith(first.getString("secret")))
                .isTrue();
    }

    @Test
    void anExpiredHoldIsToldOfByTheScheduledRun() {
        subscribe("/expiry", "hold.expired", "hold.released");
        String eventId = createEvent(5);
        String holdId = hold(eventId, 2, 3).statusCode(201).extract().path("hold_id");
        String released = hold(eventId, 4).statusCode(201).extract().path("hold_id");
        given().delete("/holds/" + released).then().statusCode(200);

        clock.advance(Duration.ofMinutes(11));
        given().post("/scheduled").then().statusCode(200);

        WebhookReceiver.Received expired = await("holds/" + holdId, "hold.expired", 1).get(0);
        assertThat(expired.json().at("/data/hold_id").asText()).isEqualTo(holdId);
        assertThat(expired.json().at("/data/status").asText()).isEqualTo("expired");
        await("holds/" + released, "hold.released", 1);
        assertThat(receiver.received(r -> r.subject().equals("holds/" + released) && r.type().equals("hold.expired")))
                .as("a released hold does not expire").isEmpty();
    }

    @Test
    void aWebhookCanBeReadListedAndDeleted() {
        String webhookId = subscribe("/crud", "booking.cancelled").getString("webhook_id");

        given().get("/webhooks/" + webhookId).then().statusCode(200)
                .body("url", equalTo(receiver.url("/crud")))
                .body("status", equalTo("active"))
                .body("all_events", equalTo(true))
                .body("$", not(hasKey("secret")));
        assertThat(given().get("/webhooks").then().statusCode(200).extract().jsonPath().getList("webhook_id"))
                .contains(webhookId);

        given().delete("/webhooks/" + webhookId).then().statusCode(204);
        assertProblem(given().get("/webhooks/" + webhookId).then(), 404);
        assertProblem(given().delete("/webhooks/" + webhookId).then(), 404);
        assertProblem(given().get("/webhooks/not-an-id/deliveries").then(), 404);
    }

    @Test
    void aBadSubscriptionIsA400NamingTheFieldAndMakesNothing() {
        int before = given().get("/webhooks").then().statusCode(200).extract().jsonPath().getList("$").size();

        assertProblem(postJson("/webhooks", Map.of("url", "ftp://example.com/x", "events", List.of("event.created"))),
                400).body("errors[0].field", equalTo("url"));
        assertProblem(postJson("/webhooks", Map.of("url", receiver.url("/x"), "events", List.of("booking.exploded"))),
                400).body("errors[0].field", equalTo("events[0]"));
        assertProblem(postJson("/webhooks", Map.of("url", receiver.url("/x"), "events", List.of())), 400)
                .body("errors[0].field", equalTo("events"));
        assertProblem(postJson("/webhooks", Map.of("events", List.of("event.created"))), 400)
                .body("errors[0].field", equalTo("url"));
        assertProblem(postJson("/webhooks", Map.of("url", "https://hooks.example.com", "events",
                List.of("event.created"), "secret", "mine")), 400);

        assertThat(given().get("/webhooks").then().statusCode(200).extract().jsonPath().getList("$")).hasSize(before);
    }

    private Map<String, Object> delivery(String webhookId, String notificationId) {
        List<Map<String, Object>> deliveries = given().get("/webhooks/" + webhookId + "/deliveries").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return deliveries.stream().filter(d -> notificationId.equals(d.get("id"))).findFirst().orElseThrow();
    }

    private void awaitDelivery(String webhookId, String notificationId, String state) {
        Awaitility.await("delivery " + notificationId + " " + state).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> delivery(webhookId, notificationId).get("state"), state::equals);
    }
}
