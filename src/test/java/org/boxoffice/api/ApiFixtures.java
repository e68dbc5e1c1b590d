package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds test data through the HTTP API, and checks answers, in one place for every API test. */
public final class ApiFixtures {

    /** A start time safely in the future whenever the tests run, in the seed's format. */
    static final String FUTURE = LocalDate.now().plusYears(1) + " 19:00";

    private ApiFixtures() {
    }

    /** The seed's event body, as a mutable map a test can break one field of. */
    static Map<String, Object> eventBody(int totalSeats) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Summer Concert");
        body.put("date_time", FUTURE);
        body.put("venue", "Central Park");
        body.put("total_seats", totalSeats);
        return body;
    }

    /** An event at a venue: Stalls (category A) of rows A of 20 and B of 22 seats, Balcony (B) of row A of 30. */
    static Map<String, Object> venueBody() {
        Map<String, Object> body = eventBody(0);
        body.remove("total_seats");
        body.put("layout", Map.of("sections", List.of(
                Map.of("name", "Stalls", "category", "A", "rows", List.of(Map.of("label", "A", "seats", 20),
                        Map.of("label", "B", "seats", 22))),
                Map.of("name", "Balcony", "category", "B", "rows", List.of(Map.of("label", "A", "seats", 30))))));
        return body;
    }

    static String createVenueEvent() {
        return postJson("/events", venueBody()).statusCode(201).extract().path("event_id");
    }

    static String createEvent(int totalSeats) {
        return given().contentType(ContentType.JSON).body(eventBody(totalSeats))
                .when().post("/events")
                .then().statusCode(201)
                .extract().path("event_id");
    }

    static Map<String, Object> bookingBody(String eventId, Integer... seats) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", eventId);
        body.put("seats", Arrays.asList(seats));
        return body;
    }

    static ValidatableResponse book(String eventId, Integer... seats) {
        return given().contentType(ContentType.JSON).body(bookingBody(eventId, seats))
                .when().post("/bookings")
                .then();
    }

    static ValidatableResponse hold(String eventId, Integer... seats) {
        return postJson("/holds", Map.of("event_id", eventId, "seats", Arrays.asList(seats)));
    }

    static ValidatableResponse holdBest(String eventId, int quantity) {
        return postJson("/holds", Map.of("event_id", eventId, "quantity", quantity));
    }

    static ValidatableResponse confirm(String holdId) {
        return postJson("/bookings", Map.of("hold_id", holdId));
    }

    /** The event's counts, after checking that they add up to its total. */
    static Map<String, Integer> counts(String eventId) {
        Map<String, Integer> counts = given().get("/events/" + eventId + "/seats").then().statusCode(200)
                .extract().as(Map.class);
        assertThat(counts.get("booked_seats") + counts.get("held_seats") + counts.get("available_seats"))
                .as("booked + held + available == total").isEqualTo(counts.get("total_seats"));
        return counts;
    }

    static ValidatableResponse postJson(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** Everything a client can see of an event's seats; equal snapshots mean nothing changed. */
    static List<Object> seatSnapshot(String eventId) {
        Map<String, Object> counts = given().get("/events/" + eventId + "/seats").then().statusCode(200)
                .extract().as(Map.class);
        List<?> ranges = given().get("/events/" + eventId + "/seats/available").then().statusCode(200)
                .extract().path("ranges");
        return List.of(counts, ranges);
    }

    /** An RFC 9457 answer with the given status, and nothing that gives the server's insides away. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        String body = response.extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.boxoffice")
                .doesNotContain("\tat ");
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", startsWith("urn:boxoffice:problem:"))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", not(equalTo("")));
    }
}
