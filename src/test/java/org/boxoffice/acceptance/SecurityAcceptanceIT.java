package org.boxoffice.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.boxoffice.testing.DrippingReceiver;
import org.boxoffice.testing.Tokens;
import org.boxoffice.testing.WebhookReceiver;
import org.boxoffice.testing.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

/**
 * The security review's findings, shown on the packaged artifact with its production defaults: a receiver
 * that drips its answer holds only its own deliveries, webhooks cannot be pointed inside the network, each
 * tenant has quotas, tokens for another service or for years are refused, a webhook's secret is not replayed
 * and can be ended at once, and metrics need a token. (Bodies built to make the service work hard:
 * {@link OversizedRequestsAcceptanceIT}.)
 */
class SecurityAcceptanceIT extends AcceptanceTest {

    private static final String QUOTA_EXCEEDED = "urn:boxoffice:problem:quota-exceeded";
    /** boxoffice.webhooks.timeout (10 s, its default) and the schedule event's 2 s budget, with room to spare. */
    private static final Duration SCHEDULE_ANSWERED_WITHIN = Duration.ofSeconds(20);

    @Test
    void aReceiverThatDripsItsAnswerHoldsOnlyItsOwnDeliveries() throws Exception {
        try (DrippingReceiver dripping = new DrippingReceiver(); WebhookReceiver healthy = new WebhookReceiver()) {
            Caller slowOrganizer = organizer();
            String slowWebhook = subscribe(slowOrganizer, dripping.url("/dripping"));
            Caller organizer = organizer();
            subscribe(organizer, healthy.url("/healthy"));
            String slowEvent = createEvent(slowOrganizer, 10);
            String event = createEvent(organizer, 10);
            Caller customer = customer();

            book(customer, slowEvent, 1);
            if (DEPLOYMENT.artifact().runsBetweenRequests()) {
                // Its delivery is under way; the next one is left for the schedule event unless deliveries go
                // on beside a stalled one.
                dripping.awaitOpen(Duration.ofSeconds(10));
            }
            book(customer, slowEvent, 2);
            String bookingId = book(customer, event, 1);

            CompletableFuture<JsonPath> scheduled = CompletableFuture.supplyAsync(() -> {
                try {
                    return runScheduled();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            healthy.await(r -> r.subject().equals("bookings/" + bookingId), 1, SCHEDULE_ANSWERED_WITHIN);
            assertThat(dripping.open()).as("the dripping receiver is still sending its answer").isPositive();
            assertThat(scheduled.get(SCHEDULE_ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS).getBoolean("skipped"))
                    .isFalse();
            slowOrganizer.given().delete("/webhooks/" + slowWebhook).then().statusCode(204);
        }
    }

    @Test
    void withoutAllowPrivateTargetsWebhooksCannotPointInsideTheNetwork() throws Exception {
        Map<String, String> settings = new HashMap<>(DEPLOYMENT.settings());
        settings.remove("BOXOFFICE_WEBHOOKS_ALLOW_PRIVATE_TARGETS");
        Path log = Path.of("target", "acceptance", "service-" + (DEPLOYMENT.onPostgres() ? "postgres" : "memory")
                + "-no-private-targets.log");
        try (Artifact.Running strict = DEPLOYMENT.artifact().start(settings, log)) {
            Caller organizer = organizer();
            for (String url : List.of("https://127.0.0.1/x", "https://[::ffff:127.0.0.1]/x", "https://[::127.0.0.1]/x",
                    "https://[64:ff9b::7f00:1]/x", "https://[2002:7f00:1::]/x", "https://93.184.216.34:8080/x")) {
                assertProblem(organizer.given().baseUri(strict.uri("/").toString()).contentType(ContentType.JSON)
                        .body(Map.of("url", url, "events", List.of("booking.confirmed"))).post("/webhooks").then(), 400)
                        .body("errors[0].field", equalTo("url"));
            }
            // A public address on 443 is taken (and dropped, unused): the refusals above are the target rule's.
            String taken = organizer.given().baseUri(strict.uri("/").toString()).contentType(ContentType.JSON)
                    .body(Map.of("url", "https://93.184.216.34/x", "events", List.of("booking.confirmed")))
                    .post("/webhooks").then().statusCode(201).extract().path("webhook_id");
            organizer.given().baseUri(strict.uri("/").toString()).delete("/webhooks/" + taken).then().statusCode(204);
        }
    }

    @Test
    void aCustomerPastTheirSeatsQuotaIsRefusedAndOthersStillBook() {
        String eventId = createEvent(organizer(), 100);
        Caller greedy = customer();
        greedy.post("/bookings", Map.of("event_id", eventId, "seats", IntStream.rangeClosed(1, 50).boxed().toList()))
                .statusCode(201);

        assertProblem(greedy.post("/bookings", Map.of("event_id", eventId, "seats", List.of(51))), 409)
                .body("type", equalTo(QUOTA_EXCEEDED)).body("detail", containsString("boxoffice.max-seats-per-customer"));
        book(customer(), eventId, 51);
        organizer().get("/events/" + eventId + "/seats").statusCode(200).body("booked_seats", equalTo(51));
    }

    @Test
    void anOwnersTwentyFirstWebhookIsRefused() {
        Caller organizer = organizer();
        for (int i = 0; i < 20; i++) {
            subscribe(organizer, "http://127.0.0.1:9/quota-" + i);
        }
        assertProblem(organizer.post("/webhooks", Map.of("url", "http://127.0.0.1:9/quota-20",
                "events", List.of("booking.confirmed"))), 409)
                .body("type", equalTo(QUOTA_EXCEEDED)).body("detail", containsString("boxoffice.max-webhooks-per-owner"));
        assertThat(organizer.get("/webhooks").statusCode(200).extract().jsonPath().getList("$")).hasSize(20);
    }

    @Test
    void eventListsLeaveLayoutsOut() {
        String venue = "Opera House " + UUID.randomUUID();
        Map<String, Object> body = eventBody(0);
        body.remove("total_seats");
        body.put("venue", venue);
        body.put("layout", Map.of("sections", List.of(Map.of("name", "Stalls", "rows",
                List.of(Map.of("label", "A", "seats", 20))))));
        Caller organizer = organizer();
        String eventId = organizer.post("/events", body).statusCode(201).extract().path("event_id");

        Caller customer = customer();
        customer.given().queryParam("venue", venue).get("/events").then().statusCode(200)
                .body("items.event_id", equalTo(List.of(eventId)))
                .body("items[0]", not(hasKey("layout")));
        customer.get("/events/" + eventId).statusCode(200).body("layout.sections[0].name", equalTo("Stalls"));
    }

    @Test
    void tokensForAnotherServiceOrForYearsAreRefused() {
        for (String token : List.of(Tokens.forAnotherAudience("mallory", "customer"),
                Tokens.longLived("mallory", "customer"))) {
            assertProblem(anonymous().header("Authorization", "Bearer " + token).get("/events").then(), 401);
        }
        customer().get("/events").statusCode(200);
    }

    @Test
    void aRetriedSubscriptionDoesNotShowItsSecretAgain() {
        Caller organizer = organizer();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/replayed", "events", List.of("booking.confirmed"));
        String key = "subscribe-" + UUID.randomUUID();
        JsonPath first = organizer.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/webhooks").then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();

        String replay = organizer.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/webhooks").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("webhook_id", equalTo(first.getString("webhook_id"))).body("secret", nullValue())
                .extract().asString();
        assertThat(replay).doesNotContain(first.getString("secret"));
    }

    @Test
    void aSecretRotatedWithExpireOldNoLongerSigns() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Caller organizer = organizer();
            JsonPath webhook = organizer.post("/webhooks", Map.of("url", receiver.url("/rotated"),
                    "events", List.of("booking.confirmed"))).statusCode(201).extract().jsonPath();
            String oldSecret = webhook.getString("secret");
            String newSecret = organizer.given().queryParam("expire_old", "true")
                    .post("/webhooks/" + webhook.getString("webhook_id") + "/rotate-secret").then().statusCode(200)
                    .body("secret", notNullValue()).extract().path("secret");
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);

            String bookingId = book(customer(), createEvent(organizer, 10), 1);

            Received delivered = awaitDeliveries(receiver, r -> r.subject().equals("bookings/" + bookingId), 1).get(0);
            assertThat(delivered.signedWith(newSecret)).isTrue();
            assertThat(delivered.signedWith(oldSecret)).isFalse();
            assertThat(delivered.header("webhook-signature").split(" ")).hasSize(1);
        }
    }

    @Test
    void metricsNeedATokenWithTheMetricsGroup() {
        assertProblem(anonymous().get("/q/metrics").then(), 401).header("WWW-Authenticate", containsString("Bearer"));
        assertProblem(customer().get("/q/metrics"), 403);
        caller("prometheus", "metrics").get("/q/metrics").statusCode(200)
                // The service's own counters: a Lambda function records no HTTP server timings.
                .body(containsString("boxoffice_"));
    }

    /** Subscribes the organizer's webhook at this URL to booking.confirmed. */
    private static String subscribe(Caller organizer, String url) {
        return organizer.post("/webhooks", Map.of("url", url, "events", List.of("booking.confirmed")))
                .statusCode(201).extract().path("webhook_id");
    }

    private static String book(Caller customer, String eventId, int seat) {
        return customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of(seat))).statusCode(201)
                .extract().path("booking_id");
    }
}
