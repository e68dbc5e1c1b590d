package org.boxoffice.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walk-through of the README and docs/api.md against the packaged artifact: the seed's flow, holds,
 * lists, retries.
 */
class WalkthroughAcceptanceIT extends AcceptanceTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theSeedsFlowWorksWithTokens() {
        Caller organizer = organizer();
        Caller customer = customer();
        ExtractableResponse<Response> created = organizer.given().contentType(ContentType.JSON).body("""
                {"name": "Summer Concert", "date_time": "2030-06-15 19:00", "venue": "Central Park", "total_seats": 500}""")
                .post("/events").then().statusCode(201).body("event_id", matchesPattern(UUID_PATTERN)).extract();
        String eventId = created.path("event_id");
        assertThat(created.header("Location")).isEqualTo("/events/" + eventId);
        assertThat(created.header("X-Request-Id")).isNotBlank();

        customer.get("/events/" + eventId + "/seats").statusCode(200)
                .body("total_seats", equalTo(500)).body("booked_seats", equalTo(0))
                .body("available_seats", equalTo(500)).body("held_seats", equalTo(0));
        customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of(1, 2, 3, 4, 5))).statusCode(201)
                .body("booking_id", matchesPattern(UUID_PATTERN)).body("status", equalTo("confirmed"))
                .body("seats", contains(1, 2, 3, 4, 5));

        assertProblem(customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of(5, 6))), 409)
                .body("unavailable_seats", contains(5));
        assertProblem(customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of(0, 6, 6))), 400)
                .body("errors", hasSize(2));
        customer.get("/events/" + eventId + "/seats/available").statusCode(200)
                .body("ranges", contains(List.of(6, 500)));
        customer.get("/events/" + eventId + "/seats").statusCode(200).body("booked_seats", equalTo(5))
                .body("available_seats", equalTo(495));
    }

    @Test
    void aHoldIsConfirmedIntoABookingThatIsCancelledOnce() {
        String eventId = createEvent(organizer(), 20);
        Caller customer = customer();

        String holdId = customer.post("/holds", Map.of("event_id", eventId, "quantity", 4)).statusCode(201)
                .body("status", equalTo("held")).body("seats", hasSize(4)).extract().path("hold_id");
        customer.get("/holds/" + holdId).statusCode(200).body("status", equalTo("held"));
        customer.get("/events/" + eventId + "/seats").body("held_seats", equalTo(4))
                .body("available_seats", equalTo(16));

        String bookingId = customer.post("/bookings", Map.of("hold_id", holdId)).statusCode(201)
                .body("hold_id", equalTo(holdId)).body("seats", hasSize(4)).extract().path("booking_id");
        assertProblem(customer.post("/bookings", Map.of("hold_id", holdId)), 409);
        customer.get("/bookings/" + bookingId).statusCode(200).body("status", equalTo("confirmed"));

        String cancelled = customer.given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).extract().asString();
        String again = customer.given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200)
                .extract().asString();
        assertThat(again).isEqualTo(cancelled);

        String released = customer.post("/holds", Map.of("event_id", eventId, "seats", List.of(1, 2)))
                .statusCode(201).extract().path("hold_id");
        customer.given().delete("/holds/" + released).then().statusCode(200).body("status", equalTo("released"));
        customer.get("/events/" + eventId + "/seats").statusCode(200).body("booked_seats", equalTo(0))
                .body("held_seats", equalTo(0)).body("available_seats", equalTo(20));
    }

    @Test
    void listsComePageByPageAndACustomerSeesOnlyTheirOwnBookings() {
        Caller organizer = organizer();
        String venue = "Acceptance Hall " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = eventBody(5);
            body.put("venue", venue);
            organizer.post("/events", body).statusCode(201);
        }
        ExtractableResponse<Response> first = organizer.given().queryParam("venue", venue).queryParam("limit", 2)
                .get("/events").then().statusCode(200).body("items", hasSize(2)).extract();
        String cursor = first.path("next_cursor");
        organizer.given().queryParam("venue", venue).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/events").then().statusCode(200).body("items", hasSize(1)).body("next_cursor", nullValue());

        String eventId = createEvent(organizer, 10);
        Caller alice = customer();
        Caller bob = caller("bob", "customer");
        String mine = alice.post("/bookings", Map.of("event_id", eventId, "seats", List.of(1))).statusCode(201)
                .extract().path("booking_id");
        bob.post("/bookings", Map.of("event_id", eventId, "seats", List.of(2))).statusCode(201);
        alice.get("/bookings").statusCode(200).body("items.booking_id", contains(mine));
    }

    @Test
    void aRetriedBookingReplaysItsFirstAnswer() {
        String eventId = createEvent(organizer(), 10);
        Caller customer = customer();
        String key = "order-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("event_id", eventId, "seats", List.of(3, 4));

        String first = customer.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/bookings").then().statusCode(201).extract().path("booking_id");
        customer.given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/bookings").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("booking_id", equalTo(first));
        assertProblem(customer.given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("event_id", eventId, "seats", List.of(5))).post("/bookings").then(), 422);
        customer.get("/events/" + eventId + "/seats").body("booked_seats", equalTo(2));
    }
}
