package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.confirm;
import static org.boxoffice.api.ApiFixtures.counts;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.hold;
import static org.boxoffice.api.ApiFixtures.holdBest;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.boxoffice.api.ApiFixtures.seatSnapshot;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.boxoffice.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class HoldResourceTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    @Inject
    TestClock clock;

    @Test
    void holdingSeatsAnswers201WithTheHoldAndItsExpiry() {
        String eventId = createEvent(10);

        ExtractableResponse<Response> created = hold(eventId, 3, 2)
                .statusCode(201)
                .body("event_id", equalTo(eventId))
                .body("seats", equalTo(List.of(2, 3)))
                .body("status", equalTo("held"))
                .body("booking_id", nullValue())
                .extract();

        String holdId = created.path("hold_id");
        assertThat(created.header("Location")).isEqualTo("/holds/" + holdId);
        Instant createdAt = Instant.parse(created.path("created_at"));
        assertThat(Instant.parse(created.<String>path("expires_at"))).isEqualTo(createdAt.plus(TTL));
        given().get("/holds/" + holdId).then().statusCode(200).body("status", equalTo("held"));
        assertThat(counts(eventId)).containsEntry("held_seats", 2).containsEntry("available_seats", 8)
                .containsEntry("booked_seats", 0);
    }

    @Test
    void heldSeatsCannotBeBookedOrHeldBySomeoneElse() {
        String eventId = createEvent(10);
        hold(eventId, 4, 5).statusCode(201);

        assertProblem(book(eventId, 5, 6), 409).body("unavailable_seats", equalTo(List.of(5)));
        assertProblem(hold(eventId, 3, 4), 409).body("unavailable_seats", equalTo(List.of(4)));
        assertThat(counts(eventId)).containsEntry("held_seats", 2).containsEntry("booked_seats", 0);
    }

    @Test
    void aQuantityHoldsTheBestSeatsSideBySide() {
        String eventId = createEvent(10);
        book(eventId, 1, 2, 4).statusCode(201);

        holdBest(eventId, 3).statusCode(201).body("seats", equalTo(List.of(5, 6, 7)));
        assertThat(counts(eventId)).containsEntry("held_seats", 3).containsEntry("booked_seats", 3);
    }

    @Test
    void aQuantityLargerThanTheFreeSeatsAnswers409WithTheNumberFree() {
        String eventId = createEvent(5);
        book(eventId, 1, 2, 3).statusCode(201);
        List<Object> before = seatSnapshot(eventId);

        assertProblem(holdBest(eventId, 3), 409)
                .body("type", equalTo("urn:boxoffice:problem:not-enough-seats"))
                .body("available_seats", equalTo(2));
        assertThat(seatSnapshot(eventId)).isEqualTo(before);
    }

    @Test
    void anExpiredHoldsSeatsAreFreeAtOnceAndItCannotBeConfirmed() {
        String eventId = createEvent(10);
        String holdId = hold(eventId, 1, 2).statusCode(201).extract().path("hold_id");

        clock.advance(TTL);

        given().get("/holds/" + holdId).then().statusCode(200).body("status", equalTo("expired"));
        assertThat(counts(eventId)).containsEntry("held_seats", 0).containsEntry("available_seats", 10);
        assertProblem(confirm(holdId), 409)
                .body("type", equalTo("urn:boxoffice:problem:hold-expired"))
                .body("detail", containsString("expired"));
        book(eventId, 1, 2).statusCode(201);
    }

    @Test
    void aHoldIsStillLiveJustBeforeItExpires() {
        String eventId = createEvent(10);
        String holdId = hold(eventId, 1).statusCode(201).extract().path("hold_id");

        clock.advance(TTL.minusSeconds(5));

        given().get("/holds/" + holdId).then().body("status", equalTo("held"));
        confirm(holdId).statusCode(201);
    }

    @Test
    void confirmingALiveHoldBooksItsSeats() {
        String eventId = createEvent(10);
        String holdId = hold(eventId, 6, 7).statusCode(201).extract().path("hold_id");

        ExtractableResponse<Response> booked = confirm(holdId).statusCode(201)
                .body("status", equalTo("confirmed"))
                .body("event_id", equalTo(eventId))
                .body("seats", equalTo(List.of(6, 7)))
                .body("hold_id", equalTo(holdId))
                .extract();

        String bookingId = booked.path("booking_id");
        assertThat(booked.header("Location")).isEqualTo("/bookings/" + bookingId);
        given().get("/holds/" + holdId).then().body("status", equalTo("confirmed"))
                .body("booking_id", equalTo(bookingId));
        assertThat(counts(eventId)).containsEntry("booked_seats", 2).containsEntry("held_seats", 0);
        clock.advance(TTL);
        assertThat(counts(eventId)).containsEntry("booked_seats", 2);
    }

    @Test
    void confirmingAHoldTwiceIsRefusedSayingItWasConfirmed() {
        String eventId = createEvent(10);
        String holdId = hold(eventId, 6).statusCode(201).extract().path("hold_id");
        confirm(holdId).statusCode(201);

        assertProblem(confirm(holdId), 409).body("type", equalTo("urn:boxoffice:problem:hold-confirmed"));
        assertThat(counts(eventId)).containsEntry("booked_seats", 1);
    }

    @Test
    void releasingAHoldFreesItsSeatsAtOnceAndReleasingAgainIsHarmless() {
        String eventId = createEvent(10);
        String holdId = hold(eventId, 3, 4).statusCode(201).extract().path("hold_id");

        given().delete("/holds/" + holdId).then().statusCode(200).body("status", equalTo("released"));

        assertThat(counts(eventId)).containsEntry("held_seats", 0).containsEntry("available_seats", 10);
        given().delete("/holds/" + holdId).then().statusCode(200).body("status", equalTo("released"));
        assertProblem(confirm(holdId), 409).body("type", equalTo("urn:boxoffice:problem:hold-released"));
        book(eventId, 3, 4).statusCode(201);
    }

    @Test
    void aConfirmedHoldCannotBeReleased() {
        String eventId = createEvent(10);
        String holdId = hold(eventId, 3).statusCode(201).extract().path("hold_id");
        confirm(holdId).statusCode(201);

        assertProblem(given().delete("/holds/" + holdId).then(), 409);
        assertThat(counts(eventId)).containsEntry("booked_seats", 1);
    }

    @Test
    void anUnknownHoldAnswers404Everywhere() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(given().get("/holds/" + unknown).then(), 404).body("detail", containsString("No hold"));
        assertProblem(given().delete("/holds/" + unknown).then(), 404);
        assertProblem(given().get("/holds/not-an-id").then(), 404);
        assertProblem(confirm(unknown), 404);
    }

    @Test
    void holdingForAnUnknownEventAnswers404() {
        assertProblem(hold(UUID.randomUUID().toString(), 1), 404);
        assertProblem(holdBest(UUID.randomUUID().toString(), 1), 404);
    }

    static Stream<Arguments> invalidHolds() {
        return Stream.of(
                Arguments.of("seats and quantity", Map.of("seats", List.of(1), "quantity", 1), "quantity"),
                Arguments.of("neither seats nor quantity", Map.of(), "seats"),
                Arguments.of("quantity zero", Map.of("quantity", 0), "quantity"),
                Arguments.of("quantity above the limit", Map.of("quantity", 51), "quantity"),
                Arguments.of("quantity a string", Map.of("quantity", "2"), "quantity"),
                Arguments.of("seats empty", Map.of("seats", List.of()), "seats"),
                Arguments.of("a duplicate seat", Map.of("seats", List.of(1, 1)), "seats"),
                Arguments.of("a seat out of range", Map.of("seats", List.of(11)), "seats"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHolds")
    void anInvalidHoldIsRefusedWith400AndChangesNothing(String why, Map<String, Object> fields, String field) {
        String eventId = createEvent(10);
        List<Object> before = seatSnapshot(eventId);
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("event_id", eventId);

        assertProblem(postJson("/holds", body), 400).body("errors.field", hasItem(field));

        assertThat(seatSnapshot(eventId)).isEqualTo(before);
    }

    @Test
    void aBookingBodyMixingHoldAndSeatsIsRefused() {
        String eventId = createEvent(10);
        String holdId = hold(eventId, 1).statusCode(201).extract().path("hold_id");

        assertProblem(postJson("/bookings", Map.of("hold_id", holdId, "event_id", eventId, "seats", List.of(2))), 400)
                .body("errors.field", hasItem("hold_id"));
        given().get("/holds/" + holdId).then().body("status", equalTo("held"));
    }
}
