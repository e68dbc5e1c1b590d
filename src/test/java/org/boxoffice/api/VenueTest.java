package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.createVenueEvent;
import static org.boxoffice.api.ApiFixtures.hold;
import static org.boxoffice.api.ApiFixtures.holdBest;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.boxoffice.api.ApiFixtures.venueBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Events at real venues: sections and rows, seat maps, best available by row, and where each seat is. */
@QuarkusTest
class VenueTest {

    @Test
    void anEventWithALayoutNumbersItsSeatsInLayoutOrderAndShowsTheLayout() {
        String eventId = createVenueEvent();

        given().get("/events/" + eventId).then().statusCode(200)
                .body("total_seats", equalTo(72))
                .body("layout.sections.name", contains("Stalls", "Balcony"))
                .body("layout.sections[0].category", equalTo("A"))
                .body("layout.sections[0].rows.label", contains("A", "B"))
                .body("layout.sections[0].rows.seats", contains(20, 22));
        given().get("/events/" + eventId + "/seats").then().body("total_seats", equalTo(72));
    }

    @Test
    void aLayoutAndATotalThatAgreeAreAcceptedAndOnesThatDoNotAreRefused() {
        Map<String, Object> agreeing = venueBody();
        agreeing.put("total_seats", 72);
        postJson("/events", agreeing).statusCode(201).body("total_seats", equalTo(72));

        Map<String, Object> disagreeing = venueBody();
        disagreeing.put("total_seats", 70);
        assertProblem(postJson("/events", disagreeing), 400).body("errors.field", contains("total_seats"));
    }

    @Test
    void aBrokenLayoutIsRefusedNamingThePathOfEachBreachAndCreatesNothing() {
        Map<String, Object> body = venueBody();
        String venue = "Broken Hall " + System.nanoTime();
        body.put("venue", venue);
        body.put("layout", Map.of("sections", List.of(
                Map.of("name", "Stalls", "rows", List.of(Map.of("label", "A", "seats", 5))),
                Map.of("name", "Stalls", "rows", List.of(Map.of("label", "A", "seats", 0), Map.of("label", "A",
                        "seats", 3))))));

        assertProblem(postJson("/events", body), 400).body("errors.field", contains("layout.sections[1].name",
                "layout.sections[1].rows[0].seats", "layout.sections[1].rows[1].label"));
        given().queryParam("venue", venue).get("/events").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anEventWithoutALayoutAnswersAsBeforeWithNoLayoutAndNoPlaces() {
        String eventId = createEvent(10);

        given().get("/events/" + eventId).then().body("$", not(hasKey("layout")));
        book(eventId, 1, 2).statusCode(201).body("$", not(hasKey("places")));
        holdBest(eventId, 2).statusCode(201).body("$", not(hasKey("places")));
    }

    @Test
    void theSeatMapShowsEachRowsSpanAndItsFreeAndHeldSeatsAsRanges() {
        String eventId = createVenueEvent();
        book(eventId, 5, 6, 7, 8).statusCode(201);
        hold(eventId, 23, 24).statusCode(201);

        given().get("/events/" + eventId + "/seatmap").then().statusCode(200)
                .body("event_id", equalTo(eventId))
                .body("sections.name", contains("Stalls", "Balcony"))
                .body("sections[0].category", equalTo("A"))
                .body("sections[0].rows[0].label", equalTo("A"))
                .body("sections[0].rows[0].seats", contains(1, 20))
                .body("sections[0].rows[0].free", contains(List.of(1, 4), List.of(9, 20)))
                .body("sections[0].rows[0].held.size()", equalTo(0))
                .body("sections[0].rows[1].seats", contains(21, 42))
                .body("sections[0].rows[1].free", contains(List.of(21, 22), List.of(25, 42)))
                .body("sections[0].rows[1].held", contains(List.of(23, 24)))
                .body("sections[1].rows[0].free", contains(List.of(43, 72)));
        assertProblem(given().get("/events/01a21959-4b32-76ce-b461-599d967d7822/seatmap").then(), 404);
    }

    @Test
    void anEventWithoutALayoutIsOneRowOnItsSeatMap() {
        String eventId = createEvent(10);

        given().get("/events/" + eventId + "/seatmap").then().statusCode(200)
                .body("sections.size()", equalTo(1))
                .body("sections[0].rows[0].seats", contains(1, 10))
                .body("sections[0].rows[0].free", contains(List.of(1, 10)));
    }

    @Test
    void holdsAndBookingsSayWhereEachSeatIs() {
        String eventId = createVenueEvent();

        book(eventId, 23).statusCode(201)
                .body("places", contains(Map.of("seat", 23, "section", "Stalls", "row", "B", "number", 3)));
        String holdId = hold(eventId, 43).statusCode(201)
                .body("places[0].section", equalTo("Balcony")).body("places[0].number", equalTo(1))
                .extract().path("hold_id");
        given().get("/holds/" + holdId).then().body("places[0].row", equalTo("A"));
        String bookingId = postJson("/bookings", Map.of("hold_id", holdId)).statusCode(201)
                .body("places[0].seat", equalTo(43)).extract().path("booking_id");
        given().get("/bookings/" + bookingId).then().body("places[0].section", equalTo("Balcony"));
    }

    @Test
    void aBestAvailableHoldTakesOneRowSideBySideOptionallyInASectionOrCategory() {
        String eventId = createVenueEvent();

        holdBest(eventId, 4).statusCode(201).body("seats", contains(9, 10, 11, 12))
                .body("places.row", contains("A", "A", "A", "A"));
        postJson("/holds", Map.of("event_id", eventId, "quantity", 2, "section", "Balcony")).statusCode(201)
                .body("places.section", contains("Balcony", "Balcony"));
        postJson("/holds", Map.of("event_id", eventId, "quantity", 2, "category", "A")).statusCode(201)
                .body("places.section", contains("Stalls", "Stalls"));
    }

    @Test
    void aSectionOrCategoryTheEventDoesNotHaveOrWithNamedSeatsIsRefused() {
        String eventId = createVenueEvent();
        String plain = createEvent(10);

        assertProblem(postJson("/holds", Map.of("event_id", eventId, "quantity", 2, "section", "Gallery")), 400)
                .body("errors.field", contains("section"));
        assertProblem(postJson("/holds", Map.of("event_id", eventId, "quantity", 2, "category", "Z")), 400)
                .body("errors.field", contains("category"));
        assertProblem(postJson("/holds", Map.of("event_id", eventId, "quantity", 2, "section", "Stalls",
                "category", "A")), 400).body("errors.field", contains("section"));
        assertProblem(postJson("/holds", Map.of("event_id", eventId, "seats", List.of(1), "section", "Stalls")), 400)
                .body("errors.field", contains("section"));
        assertProblem(postJson("/holds", Map.of("event_id", plain, "quantity", 2, "section", "Stalls")), 400)
                .body("errors.field", contains("section"));
        given().get("/events/" + eventId + "/seats").then().body("held_seats", equalTo(0));
    }

    @Test
    void fewerFreeSeatsInASectionThanAskedIs409WithHowManyAreFree() {
        String eventId = createVenueEvent();

        book(eventId, IntStream.rangeClosed(43, 69).boxed().toArray(Integer[]::new)).statusCode(201);

        assertProblem(postJson("/holds", Map.of("event_id", eventId, "quantity", 4, "section", "Balcony")), 409)
                .body("type", equalTo("urn:boxoffice:problem:not-enough-seats")).body("available_seats", equalTo(3));
    }
}
