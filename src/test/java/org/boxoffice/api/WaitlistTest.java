package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.confirm;
import static org.boxoffice.api.ApiFixtures.counts;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.testing.TestClock;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** The waiting list through the API: join, wait in turn, be offered freed seats as a hold, book or leave. */
@QuarkusTest
class WaitlistTest {

    private static final Duration OFFER_TTL = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    /** A sold-out event of {@code seats} seats, each booked alone; the booking ids by seat (index 0 is seat 1). */
    private static List<String> soldOut(String eventId, int seats) {
        List<String> bookings = new ArrayList<>();
        for (int seat = 1; seat <= seats; seat++) {
            bookings.add(book(eventId, seat).statusCode(201).extract().path("booking_id"));
        }
        return bookings;
    }

    private static ValidatableResponse join(String eventId, Object quantity) {
        return postJson("/events/" + eventId + "/waitlist", quantity == null ? Map.of() : Map.of("quantity", quantity));
    }

    private static ValidatableResponse entry(String eventId, String entryId) {
        return given().get("/events/" + eventId + "/waitlist/" + entryId).then();
    }

    private static void cancel(String bookingId) {
        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200);
    }

    @Test
    void joiningASoldOutEventAnswers201WithItsPlaceInLine() {
        String eventId = createEvent(2);
        soldOut(eventId, 2);

        String first = join(eventId, 1).statusCode(201)
                .header("Location", startsWith("/events/" + eventId + "/waitlist/"))
                .body("event_id", equalTo(eventId))
                .body("quantity", equalTo(1))
                .body("position", equalTo(1))
                .body("status", equalTo("waiting"))
                .body("created_at", notNullValue())
                .body("hold_id", nullValue())
                .extract().path("entry_id");
        String second = join(eventId, 2).statusCode(201).body("position", equalTo(2)).extract().path("entry_id");

        entry(eventId, second).statusCode(200).body("position", equalTo(2)).body("status", equalTo("waiting"));
        given().get("/events/" + eventId + "/waitlist").then().statusCode(200)
                .body("items.entry_id", equalTo(List.of(first, second)))
                .body("items.position", equalTo(List.of(1, 2)))
                .body("next_cursor", nullValue());
        given().get("/events/" + eventId + "/waitlist?limit=1").then().statusCode(200)
                .body("items.entry_id", equalTo(List.of(first))).body("next_cursor", notNullValue());
    }

    @Test
    void joiningWhileEnoughSeatsAreFreeAnswers409SeatsAvailableAndChangesNothing() {
        String eventId = createEvent(5);
        book(eventId, 1, 2, 3).statusCode(201);

        assertProblem(join(eventId, 2), 409)
                .body("type", equalTo("urn:boxoffice:problem:seats-available"))
                .body("available_seats", equalTo(2));

        given().get("/events/" + eventId + "/waitlist").then().statusCode(200).body("items", equalTo(List.of()));
        join(eventId, 3).statusCode(201);
    }

    @Test
    void aBadQuantityAnswers400AndAnUnknownEventOrEntry404() {
        String eventId = createEvent(1);
        soldOut(eventId, 1);

        assertProblem(join(eventId, null), 400).body("errors[0].field", equalTo("quantity"));
        assertProblem(join(eventId, 0), 400).body("errors[0].field", equalTo("quantity"));
        assertProblem(join(eventId, 11), 400).body("errors[0].message", equalTo("must be a whole number from 1 to 10"));
        assertProblem(join(eventId, "2"), 400).body("errors[0].field", equalTo("quantity"));
        assertProblem(join(UUID.randomUUID().toString(), 1), 404);
        assertProblem(join("not-an-id", 1), 404);
        assertProblem(entry(eventId, UUID.randomUUID().toString()), 404);
        String entryId = join(eventId, 1).statusCode(201).extract().path("entry_id");
        String otherEvent = createEvent(1);
        assertProblem(entry(otherEvent, entryId), 404);
        assertProblem(given().delete("/events/" + otherEvent + "/waitlist/" + entryId).then(), 404);
        assertProblem(given().get("/events/" + UUID.randomUUID() + "/waitlist").then(), 404);
        given().get("/events/" + eventId + "/waitlist").then().body("items.size()", equalTo(1));
    }

    @Test
    void aCancelledSeatIsOfferedAsAHoldThatTheCustomerBooks() {
        String eventId = createEvent(3);
        List<String> bookings = soldOut(eventId, 3);
        String entryId = join(eventId, 1).statusCode(201).extract().path("entry_id");

        cancel(bookings.get(1));

        Map<String, Object> offered = entry(eventId, entryId).statusCode(200)
                .body("status", equalTo("offered"))
                .body("position", nullValue())
                .extract().as(Map.class);
        String holdId = (String) offered.get("hold_id");
        Instant expires = Instant.parse((String) offered.get("offer_expires_at"));
        assertThat(Duration.between(clock.instant(), expires)).isBetween(OFFER_TTL.minusMinutes(1), OFFER_TTL);
        given().get("/holds/" + holdId).then().statusCode(200).body("seats", equalTo(List.of(2)))
                .body("status", equalTo("held"));
        assertThat(counts(eventId).get("held_seats")).isEqualTo(1);

        confirm(holdId).statusCode(201).body("seats", equalTo(List.of(2)));
        entry(eventId, entryId).statusCode(200).body("status", equalTo("accepted"));
        assertThat(counts(eventId).get("booked_seats")).isEqualTo(3);
    }

    @Test
    void anOfferThatRunsOutExpiresAndTheScheduledRunOffersItsSeatsToTheNext() {
        String eventId = createEvent(1);
        List<String> bookings = soldOut(eventId, 1);
        String first = join(eventId, 1).statusCode(201).extract().path("entry_id");
        String second = join(eventId, 1).statusCode(201).extract().path("entry_id");
        cancel(bookings.get(0));
        entry(eventId, first).body("status", equalTo("offered"));

        clock.advance(OFFER_TTL);
        entry(eventId, first).body("status", equalTo("expired"));
        // The service's own 30-second sweep may run first and make the offer, so the count this run
        // reports may be 0: the outcome below is what either run must leave.
        given().post("/scheduled").then().statusCode(200);

        entry(eventId, first).body("status", equalTo("expired"));
        String holdId = entry(eventId, second).body("status", equalTo("offered")).extract().path("hold_id");
        given().get("/holds/" + holdId).then().body("seats", equalTo(List.of(1)));
    }

    @Test
    void leavingAnswers204AndALiveOffersSeatsGoToTheNext() {
        String eventId = createEvent(1);
        List<String> bookings = soldOut(eventId, 1);
        String first = join(eventId, 1).statusCode(201).extract().path("entry_id");
        String second = join(eventId, 1).statusCode(201).extract().path("entry_id");
        cancel(bookings.get(0));

        given().delete("/events/" + eventId + "/waitlist/" + first).then().statusCode(204);
        given().delete("/events/" + eventId + "/waitlist/" + first).then().statusCode(204);

        entry(eventId, first).body("status", equalTo("left"));
        entry(eventId, second).body("status", equalTo("offered"));
    }

    @Test
    void aRepeatedJoinWithItsIdempotencyKeyAnswersTheSameEntry() {
        String eventId = createEvent(1);
        soldOut(eventId, 1);
        String key = "join-" + UUID.randomUUID();

        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("quantity", 1))
                .post("/events/" + eventId + "/waitlist").then().statusCode(201).extract().path("entry_id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("quantity", 1))
                .post("/events/" + eventId + "/waitlist").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("entry_id");

        assertThat(again).isEqualTo(first);
        given().get("/events/" + eventId + "/waitlist").then().body("items.size()", equalTo(1));
    }

    @Test
    void aCancelledEventTakesNobodyOnItsWaitingList() {
        String eventId = createEvent(1);
        soldOut(eventId, 1);
        String entryId = join(eventId, 1).statusCode(201).extract().path("entry_id");

        given().post("/events/" + eventId + "/cancel").then().statusCode(200);

        entry(eventId, entryId).body("status", equalTo("expired"));
        assertProblem(join(eventId, 1), 409).body("type", equalTo("urn:boxoffice:problem:event-cancelled"));
    }

    @Test
    void anOfferIsDeliveredAsAWaitlistOfferedCloudEventCarryingTheEntry() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            postJson("/webhooks", Map.of("url", receiver.url("/offers"), "events", List.of("waitlist.offered")))
                    .statusCode(201);
            String eventId = createEvent(1);
            List<String> bookings = soldOut(eventId, 1);
            String entryId = join(eventId, 1).statusCode(201).extract().path("entry_id");

            cancel(bookings.get(0));

            WebhookReceiver.Received delivery = receiver.await(r -> r.subject().equals("waitlist/" + entryId), 1,
                    Duration.ofSeconds(20)).get(0);
            JsonNode event = delivery.json();
            assertThat(event.path("type").asText()).isEqualTo("org.boxoffice.waitlist.offered");
            assertThat(event.path("source").asText()).isEqualTo("/events/" + eventId);
            JsonNode asTheApiShowsIt = JSON.readTree(entry(eventId, entryId).extract().asString());
            assertThat(event.path("data")).isEqualTo(asTheApiShowsIt);
        }
    }
}
