package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The seed README's three curl examples, byte for byte but for the date, which must now lie in the
 * future. Also run against the packaged jar by {@code SeedWalkthroughIT}.
 */
@QuarkusTest
class SeedWalkthroughTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theSeedsCurlExamplesWorkUnchanged() {
        String eventId = given().contentType(ContentType.JSON).body("""
                {
                    "name": "Summer Concert",
                    "date_time": "2030-06-15 19:00",
                    "venue": "Central Park",
                    "total_seats": 500
                  }""")
                .when().post("/events")
                .then().statusCode(201)
                .body("event_id", matchesPattern(UUID))
                .extract().path("event_id");

        given().get("/events/" + eventId + "/seats").then().statusCode(200)
                .body("total_seats", equalTo(500))
                .body("booked_seats", equalTo(0))
                .body("available_seats", equalTo(500));

        given().contentType(ContentType.JSON).body("""
                {
                    "event_id": "%s",
                    "seats": [1, 2, 3, 4, 5]
                  }""".formatted(eventId))
                .when().post("/bookings")
                .then().statusCode(201)
                .body("booking_id", matchesPattern(UUID))
                .body("status", equalTo("confirmed"));

        given().get("/events/" + eventId + "/seats").then().statusCode(200)
                .body("booked_seats", equalTo(5))
                .body("available_seats", equalTo(495));
    }
}
