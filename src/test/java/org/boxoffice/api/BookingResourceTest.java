package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.bookingBody;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.boxoffice.api.ApiFixtures.seatSnapshot;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.boxoffice.store.memory.InMemoryTicketStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class BookingResourceTest {

    @InjectSpy
    InMemoryTicketStore store;

    @Test
    void bookingFreeSeatsAnswers201WithTheBookingAndItsLocation() {
        String eventId = createEvent(500);

        ExtractableResponse<Response> created = book(eventId, 3, 1, 2)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("confirmed"))
                .body("event_id", equalTo(eventId))
                .body("seats", equalTo(List.of(1, 2, 3)))
                .body("created_at", notNullValue())
                .extract();

        String bookingId = created.path("booking_id");
        assertThat(created.header("Location")).isEqualTo("/bookings/" + bookingId);
        given().get("/bookings/" + bookingId).then().statusCode(200)
                .body("booking_id", equalTo(bookingId))
                .body("event_id", equalTo(eventId))
                .body("seats", equalTo(List.of(1, 2, 3)))
                .body("status", equalTo("confirmed"))
                .body("created_at", equalTo(created.path("created_at")));
        given().get("/events/" + eventId + "/seats").then()
                .body("booked_seats", equalTo(3)).body("available_seats", equalTo(497));
    }

    @Test
    void bookingAnAlreadyBookedSeatAnswers409NamingItAndBooksNothing() {
        String eventId = createEvent(10);
        book(eventId, 4, 5).statusCode(201);
        List<Object> before = seatSnapshot(eventId);

        assertProblem(book(eventId, 3, 5, 6, 4), 409)
                .body("unavailable_seats", equalTo(List.of(4, 5)));

        assertThat(seatSnapshot(eventId)).isEqualTo(before);
        book(eventId, 3, 6).statusCode(201);
    }

    @Test
    void theWholeEventCanBeSoldButNotOneSeatMore() {
        String eventId = createEvent(3);
        book(eventId, 1, 2, 3).statusCode(201);

        assertProblem(book(eventId, 2), 409).body("unavailable_seats", equalTo(List.of(2)));
        given().get("/events/" + eventId + "/seats").then()
                .body("booked_seats", equalTo(3)).body("available_seats", equalTo(0));
        given().get("/events/" + eventId + "/seats/available").then().body("ranges", equalTo(List.of()));
    }

    @Test
    void bookingForAnUnknownEventAnswers404() {
        assertProblem(book(UUID.randomUUID().toString(), 1), 404)
                .body("detail", containsString("No event"));

        verify(store, never()).addBooking(any(), anyInt());
    }

    @Test
    void anUnknownBookingAnswers404() {
        assertProblem(given().get("/bookings/" + UUID.randomUUID()).then(), 404)
                .body("detail", containsString("No booking"));
        assertProblem(given().get("/bookings/123").then(), 404);
    }

    static Stream<Arguments> invalidBookings() {
        return Stream.of(
                Arguments.of("event_id missing", without("event_id"), "event_id"),
                Arguments.of("event_id not a UUID", with("event_id", "nope"), "event_id"),
                Arguments.of("event_id a number", with("event_id", 7), "event_id"),
                Arguments.of("seats missing", without("seats"), "seats"),
                Arguments.of("seats null", with("seats", null), "seats"),
                Arguments.of("seats empty", with("seats", List.of()), "seats"),
                Arguments.of("seats not an array", with("seats", 5), "seats"),
                Arguments.of("a seat as a string", with("seats", List.of("1")), "seats[0]"),
                Arguments.of("a seat as a fraction", with("seats", List.of(1, 2.5)), "seats[1]"),
                Arguments.of("a seat as a whole float", with("seats", List.of(1.0)), "seats[0]"),
                Arguments.of("a seat null", with("seats", Arrays.asList(1, null)), "seats[1]"),
                Arguments.of("a seat overflowing", with("seats", List.of(99_999_999_999L)), "seats[0]"),
                Arguments.of("seat zero", with("seats", List.of(0, 1)), "seats"),
                Arguments.of("a negative seat", with("seats", List.of(-1)), "seats"),
                Arguments.of("a seat beyond the last", with("seats", List.of(1, 11)), "seats"),
                Arguments.of("a duplicate seat", with("seats", List.of(2, 3, 2)), "seats"),
                Arguments.of("more seats than allowed", with("seats", IntStream.rangeClosed(1, 51).boxed().toList()),
                        "seats"));
    }

    /** The event id placeholder is replaced with a real event (of 10 seats) by the test. */
    private static final String EVENT = "EVENT";

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = bookingBody(EVENT, 1, 2);
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> body = bookingBody(EVENT, 1, 2);
        body.remove(field);
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBookings")
    void anInvalidBookingIsRefusedWith400NamingTheFieldAndChangesNothing(String why, Map<String, Object> body,
            String field) {
        String eventId = createEvent(100);
        if (EVENT.equals(body.get("event_id"))) {
            body.put("event_id", eventId);
        }
        if (why.contains("beyond")) {
            body.put("seats", List.of(1, 101));
        }
        book(eventId, 50).statusCode(201);
        List<Object> before = seatSnapshot(eventId);
        clearInvocations(store);

        assertProblem(postJson("/bookings", body), 400)
                .body("errors.field", hasItem(field));

        assertThat(seatSnapshot(eventId)).isEqualTo(before);
        verify(store, never()).addBooking(any(), anyInt());
    }

    @Test
    void exactlyTheMaximumNumberOfSeatsCanBeBookedAtOnce() {
        String eventId = createEvent(100);
        List<Integer> fifty = new ArrayList<>(IntStream.rangeClosed(1, 50).boxed().toList());

        postJson("/bookings", Map.of("event_id", eventId, "seats", fifty)).statusCode(201)
                .body("seats.size()", equalTo(50));
    }

    /**
     * With authentication off every request is the one anonymous caller, so the quotas per caller would bound
     * everyone together (a benchmark books a whole event as that caller): they do not apply.
     */
    @Test
    void withAuthenticationOffTheAnonymousCallerIsHeldToNoQuotaPerCaller() {
        String eventId = createEvent(120);
        book(eventId, IntStream.rangeClosed(1, 50).boxed().toArray(Integer[]::new)).statusCode(201);
        book(eventId, IntStream.rangeClosed(51, 100).boxed().toArray(Integer[]::new)).statusCode(201);
        postJson("/holds", Map.of("event_id", eventId, "quantity", 10)).statusCode(201);
    }

    @Test
    void aServerFaultAnswers500WithoutGivingAwayItsCause() {
        String eventId = createEvent(10);
        doThrow(new IllegalStateException("secret internals of " + getClass().getName()))
                .when(store).addBooking(any(), anyInt());

        String body = assertProblem(book(eventId, 1), 500)
                .body("detail", containsString("reference"))
                .extract().asString();

        assertThat(body).doesNotContain("secret").doesNotContain("IllegalState");
    }
}
