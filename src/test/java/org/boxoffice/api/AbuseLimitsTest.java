package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.bookingBody;
import static org.boxoffice.api.ApiFixtures.counts;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.hold;
import static org.boxoffice.api.ApiFixtures.holdBest;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What stops a request from taking more than its share: server-owned fields, body size, holds per customer. */
@QuarkusTest
class AbuseLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"event_id", "organizer", "created_at", "owner"})
    void anEventBodyCannotSetWhatTheServerOwns(String field) {
        Map<String, Object> body = eventBody(10);
        body.put(field, "00000000-0000-0000-0000-000000000000");

        assertProblem(postJson("/events", body), 400).body("errors.field", hasItem(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"booking_id", "status", "customer", "created_at", "cancelled_at"})
    void aBookingBodyCannotSetWhatTheServerOwns(String field) {
        String eventId = createEvent(10);
        Map<String, Object> body = bookingBody(eventId, 1);
        body.put(field, "cancelled");

        assertProblem(postJson("/bookings", body), 400).body("errors.field", hasItem(field));
        assertThat(counts(eventId)).containsEntry("booked_seats", 0);
    }

    @Test
    void aHoldBodyCannotSetItsExpiry() {
        String eventId = createEvent(10);

        assertProblem(postJson("/holds", Map.of("event_id", eventId, "seats", List.of(1),
                "expires_at", "2099-01-01T00:00:00Z")), 400).body("errors.field", hasItem("expires_at"));
        assertThat(counts(eventId)).containsEntry("held_seats", 0);
    }

    @Test
    void anOversizedBodyAnswers413BeforeItIsRead() {
        String eventId = createEvent(10);
        String huge = "{\"event_id\": \"" + eventId + "\", \"seats\": [1], \"pad\": \"" + "x".repeat(20_000) + "\"}";

        assertProblem(given().header("X-Request-Id", "too-big-1").contentType(ContentType.JSON).body(huge)
                .post("/bookings").then(), 413)
                .header("X-Request-Id", "too-big-1").body("request_id", equalTo("too-big-1"));
        assertThat(counts(eventId)).containsEntry("booked_seats", 0);
    }

    @Test
    void aCustomerCannotHoldMoreThanTenSeatsOfOneEvent() {
        String eventId = createEvent(100);
        hold(eventId, 1, 2, 3, 4, 5, 6).statusCode(201);
        holdBest(eventId, 4).statusCode(201);

        assertProblem(holdBest(eventId, 1), 409).body("type", equalTo("urn:boxoffice:problem:hold-limit-reached"));
        assertThat(counts(eventId)).containsEntry("held_seats", 10);
        String otherEvent = createEvent(100);
        holdBest(otherEvent, 10).statusCode(201);
    }
}
