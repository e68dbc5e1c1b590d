package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.counts;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CancellationTest {

    @Test
    void cancellingABookingFreesItsSeatsAtOnceAndKeepsItReadable() {
        String eventId = createEvent(10);
        String bookingId = book(eventId, 1, 2).statusCode(201).extract().path("booking_id");

        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200)
                .body("booking_id", equalTo(bookingId))
                .body("status", equalTo("cancelled"))
                .body("cancelled_at", notNullValue());

        assertThat(counts(eventId)).containsEntry("booked_seats", 0).containsEntry("available_seats", 10);
        given().get("/bookings/" + bookingId).then().statusCode(200).body("status", equalTo("cancelled"));
        book(eventId, 1, 2).statusCode(201);
    }

    @Test
    void cancellingTwiceAnswers200WithTheSameBody() {
        String eventId = createEvent(10);
        String bookingId = book(eventId, 5).statusCode(201).extract().path("booking_id");
        String first = given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200).extract().asString();
        book(eventId, 5).statusCode(201);

        String second = given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(counts(eventId)).containsEntry("booked_seats", 1);
    }

    @Test
    void cancellingAnUnknownBookingAnswers404() {
        assertProblem(given().post("/bookings/" + UUID.randomUUID() + "/cancel").then(), 404);
        assertProblem(given().post("/bookings/nope/cancel").then(), 404);
    }
}
