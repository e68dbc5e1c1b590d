package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.boxoffice.store.memory.InMemoryTicketStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class EventResourceTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @InjectSpy
    InMemoryTicketStore store;

    @Test
    void creatingAnEventAnswers201WithItsLocationAndDetails() {
        String id = postJson("/events", eventBody(500))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("event_id", matchesPattern(UUID_PATTERN))
                .body("name", equalTo("Summer Concert"))
                .body("venue", equalTo("Central Park"))
                .body("total_seats", equalTo(500))
                .body("date_time", equalTo(LocalDate.now().plusYears(1) + "T19:00:00Z"))
                .body("created_at", notNullValue())
                .extract().path("event_id");

        given().get("/events/" + id).then().statusCode(200).body("event_id", equalTo(id));
    }

    @Test
    void theLocationHeaderPointsAtTheNewEvent() {
        var response = postJson("/events", eventBody(10)).statusCode(201).extract();

        String id = response.path("event_id");
        assertThat(response.header("Location")).isEqualTo("/events/" + id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2031-06-15 19:00", "2031-06-15 19:00:00", "2031-06-15T19:00", "2031-06-15T19:00:00Z",
        "2031-06-15T21:00:00+02:00", "2031-06-15T19:00:00.000Z"})
    void theSeedsDateFormAndIsoFormsAreAccepted(String dateTime) {
        Map<String, Object> body = eventBody(10);
        body.put("date_time", dateTime);

        postJson("/events", body).statusCode(201).body("date_time", equalTo("2031-06-15T19:00:00Z"));
    }

    @Test
    void aNewEventHasEverySeatAvailable() {
        String id = createEvent(500);

        given().get("/events/" + id + "/seats").then().statusCode(200)
                .body("total_seats", equalTo(500))
                .body("booked_seats", equalTo(0))
                .body("held_seats", equalTo(0))
                .body("available_seats", equalTo(500));
        given().get("/events/" + id + "/seats/available").then().statusCode(200)
                .body("ranges", equalTo(List.of(List.of(1, 500))));
    }

    @Test
    void freeSeatsAreListedAsRangesAroundBookedOnes() {
        String id = createEvent(500);
        book(id, 121, 122, 123, 124).statusCode(201);

        given().get("/events/" + id + "/seats/available").then().statusCode(200)
                .body("ranges", equalTo(List.of(List.of(1, 120), List.of(125, 500))));
        given().get("/events/" + id + "/seats").then()
                .body("booked_seats", equalTo(4)).body("available_seats", equalTo(496));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/seats", "/seats/available"})
    void anUnknownEventAnswers404(String suffix) {
        assertProblem(given().get("/events/" + UUID.randomUUID() + suffix).then(), 404)
                .body("detail", containsString("No event"));
        assertProblem(given().get("/events/not-a-uuid" + suffix).then(), 404);
    }

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                Arguments.of("name missing", without("name"), "name"),
                Arguments.of("name null", with("name", null), "name"),
                Arguments.of("name blank", with("name", "   "), "name"),
                Arguments.of("name a number", with("name", 42), "name"),
                Arguments.of("name too long", with("name", "x".repeat(201)), "name"),
                Arguments.of("venue missing", without("venue"), "venue"),
                Arguments.of("venue blank", with("venue", ""), "venue"),
                Arguments.of("venue an object", with("venue", Map.of("a", 1)), "venue"),
                Arguments.of("date_time missing", without("date_time"), "date_time"),
                Arguments.of("date_time in the past", with("date_time", "2020-06-15 19:00"), "date_time"),
                Arguments.of("date_time unreadable", with("date_time", "next friday"), "date_time"),
                Arguments.of("date_time impossible", with("date_time", "2031-02-30 19:00"), "date_time"),
                Arguments.of("date_time a number", with("date_time", 20310615), "date_time"),
                Arguments.of("total_seats missing", without("total_seats"), "total_seats"),
                Arguments.of("total_seats null", with("total_seats", null), "total_seats"),
                Arguments.of("total_seats a string", with("total_seats", "500"), "total_seats"),
                Arguments.of("total_seats a fraction", with("total_seats", 5.5), "total_seats"),
                Arguments.of("total_seats a whole float", with("total_seats", 5.0), "total_seats"),
                Arguments.of("total_seats a boolean", with("total_seats", true), "total_seats"),
                Arguments.of("total_seats zero", with("total_seats", 0), "total_seats"),
                Arguments.of("total_seats negative", with("total_seats", -5), "total_seats"),
                Arguments.of("total_seats above the limit", with("total_seats", 100_001), "total_seats"),
                Arguments.of("total_seats overflowing", with("total_seats", 99_999_999_999L), "total_seats"));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = eventBody(500);
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> body = eventBody(500);
        body.remove(field);
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void anInvalidEventIsRefusedWith400NamingTheFieldAndNothingIsStored(String why, Map<String, Object> body,
            String field) {
        assertProblem(postJson("/events", body), 400)
                .body("errors.field", hasItem(field))
                .body("errors.message", everyItem(notNullValue()));

        verify(store, never()).addEvent(any(), anyInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": ", "not json", "{\"name\": \"x\"} trailing", "[1, 2]", "\"a string\"", "null",
        ""})
    void aBodyThatIsNotAJsonObjectIsRefusedWith400(String body) {
        assertProblem(given().contentType(ContentType.JSON).body(body).post("/events").then(), 400)
                .body("errors.field", hasItem("body"));

        verify(store, never()).addEvent(any(), anyInt());
    }

    @Test
    void theMaximumNumberOfSeatsIsAccepted() {
        postJson("/events", with("total_seats", 100_000)).statusCode(201).body("total_seats", equalTo(100_000));
    }
}
