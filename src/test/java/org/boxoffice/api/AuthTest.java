package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.TicketId;
import org.boxoffice.testing.AuthOnProfile;
import org.boxoffice.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint with authentication on: no token, an expired one, a wrongly signed one, one from
 * another issuer, the wrong role, another owner's object, and the owner's own.
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class AuthTest {

    private static final String ORGANIZER = Tokens.valid("olga", "organizer");
    private static final String ALICE = Tokens.valid("alice", "customer");
    private static final String MALLORY = Tokens.valid("mallory", "customer");
    private static final String ADMIN = Tokens.valid("ada", "admin");
    private static final String OTHER_ORGANIZER = Tokens.valid("oscar", "organizer");

    /** One endpoint: how to call it, given the ids of the fixtures below. */
    record Call(String name, Function<Fixture, ValidatableResponse> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An event of olga's, and a hold and a booking of alice's on it. */
    record Fixture(String token, String eventId, String holdId, String bookingId) {
        RequestSpecification as() {
            RequestSpecification request = given().contentType(ContentType.JSON);
            return token == null ? request : request.auth().oauth2(token);
        }

        Fixture with(String otherToken) {
            return new Fixture(otherToken, eventId, holdId, bookingId);
        }
    }

    private Fixture fixture;

    @BeforeEach
    void organizerCreatesAnEventAndAliceHoldsAndBooks() {
        String eventId = given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON).body(eventBody(50))
                .post("/events").then().statusCode(201).extract().path("event_id");
        String holdId = given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body(Map.of("event_id", eventId, "seats", List.of(1))).post("/holds").then().statusCode(201)
                .extract().path("hold_id");
        String bookingId = given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body(Map.of("event_id", eventId, "seats", List.of(2))).post("/bookings").then().statusCode(201)
                .extract().path("booking_id");
        fixture = new Fixture(null, eventId, holdId, bookingId);
    }

    static Stream<Call> everyEndpoint() {
        return Stream.of(
                new Call("POST /events", f -> f.as().body(eventBody(5)).post("/events").then()),
                new Call("GET /events", f -> f.as().get("/events").then()),
                new Call("GET /events/{id}", f -> f.as().get("/events/" + f.eventId()).then()),
                new Call("GET /events/{id}/seats", f -> f.as().get("/events/" + f.eventId() + "/seats").then()),
                new Call("GET /events/{id}/seats/available",
                        f -> f.as().get("/events/" + f.eventId() + "/seats/available").then()),
                new Call("GET /events/{id}/seatmap", f -> f.as().get("/events/" + f.eventId() + "/seatmap").then()),
                new Call("POST /events/{id}/cancel", f -> f.as().post("/events/" + f.eventId() + "/cancel").then()),
                new Call("GET /events/{id}/report", f -> f.as().get("/events/" + f.eventId() + "/report").then()),
                new Call("POST /holds", f -> f.as().body(Map.of("event_id", f.eventId(), "quantity", 1))
                        .post("/holds").then()),
                new Call("GET /holds/{id}", f -> f.as().get("/holds/" + f.holdId()).then()),
                new Call("DELETE /holds/{id}", f -> f.as().delete("/holds/" + f.holdId()).then()),
                new Call("POST /bookings", f -> f.as().body(Map.of("event_id", f.eventId(), "seats", List.of(9)))
                        .post("/bookings").then()),
                new Call("POST /bookings {hold_id}", f -> f.as().body(Map.of("hold_id", f.holdId()))
                        .post("/bookings").then()),
                new Call("GET /bookings", f -> f.as().get("/bookings").then()),
                new Call("GET /bookings/{id}", f -> f.as().get("/bookings/" + f.bookingId()).then()),
                new Call("POST /bookings/{id}/cancel", f -> f.as().post("/bookings/" + f.bookingId() + "/cancel")
                        .then()),
                new Call("POST /events/{id}/waitlist", f -> f.as().body(Map.of("quantity", 1))
                        .post("/events/" + f.eventId() + "/waitlist").then()),
                new Call("GET /events/{id}/waitlist", f -> f.as().get("/events/" + f.eventId() + "/waitlist").then()),
                new Call("GET /events/{id}/waitlist/{entry}",
                        f -> f.as().get("/events/" + f.eventId() + "/waitlist/" + UUID.randomUUID()).then()),
                new Call("DELETE /events/{id}/waitlist/{entry}",
                        f -> f.as().delete("/events/" + f.eventId() + "/waitlist/" + UUID.randomUUID()).then()),
                new Call("GET /bookings/{id}/tickets", f -> f.as().get("/bookings/" + f.bookingId() + "/tickets")
                        .then()),
                new Call("GET /bookings/{id}/tickets/{ticket}/qr.svg", f -> f.as().get("/bookings/" + f.bookingId()
                        + "/tickets/" + TicketId.of(new BookingId(UUID.fromString(f.bookingId())), 2) + "/qr.svg")
                        .then()),
                new Call("POST /events/{id}/checkins", f -> f.as().body(Map.of("code", "x.y.z", "gate", "North"))
                        .post("/events/" + f.eventId() + "/checkins").then()));
    }

    static Stream<Arguments> everyEndpointWithEveryBadToken() {
        return everyEndpoint().flatMap(call -> Stream.of(
                Arguments.of(call, "no token", null),
                Arguments.of(call, "expired", Tokens.expired("alice", "customer", "organizer", "admin")),
                Arguments.of(call, "wrong signature", Tokens.signedByAnotherKey("alice", "customer", "organizer",
                        "admin")),
                Arguments.of(call, "wrong issuer", Tokens.fromAnotherIssuer("alice", "customer", "organizer",
                        "admin")),
                Arguments.of(call, "for another application", Tokens.forAnotherAudience("alice", "customer",
                        "organizer", "admin")),
                Arguments.of(call, "issued for ten years", Tokens.longLived("alice", "customer", "organizer",
                        "admin")),
                Arguments.of(call, "not a JWT", "not-a-jwt")));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("everyEndpointWithEveryBadToken")
    void withoutAValidTokenEveryEndpointAnswers401AndChangesNothing(Call call, String why, String token) {
        Map<String, Object> before = seatCounts();

        List<String> challenges = assertProblem(call.send().apply(fixture.with(token)), 401)
                .extract().headers().getValues("WWW-Authenticate");

        // One header, or (through AWS Lambda's HTTP mapping) its comma-separated parts as several.
        assertThat(challenges).anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer realm=\"boxoffice\""));

        assertThat(seatCounts()).isEqualTo(before);
        given().auth().oauth2(ALICE).get("/holds/" + fixture.holdId()).then().body("status", equalTo("held"));
        given().auth().oauth2(ALICE).get("/bookings/" + fixture.bookingId()).then()
                .body("status", equalTo("confirmed"));
    }

    static Stream<Arguments> wrongRoles() {
        Map<String, Call> calls = new HashMap<>();
        everyEndpoint().forEach(call -> calls.put(call.name(), call));
        return Stream.of(
                Arguments.of(calls.get("POST /events"), "a customer", ALICE),
                Arguments.of(calls.get("POST /events"), "nobody in particular", Tokens.valid("nemo")),
                Arguments.of(calls.get("POST /holds"), "an organizer", ORGANIZER),
                Arguments.of(calls.get("POST /bookings"), "an organizer", ORGANIZER),
                Arguments.of(calls.get("POST /bookings {hold_id}"), "an admin", ADMIN),
                Arguments.of(calls.get("POST /events/{id}/cancel"), "a customer", ALICE),
                Arguments.of(calls.get("POST /events/{id}/cancel"), "another organizer", OTHER_ORGANIZER),
                Arguments.of(calls.get("GET /events/{id}/report"), "a customer", ALICE),
                Arguments.of(calls.get("GET /events/{id}/report"), "another organizer", OTHER_ORGANIZER),
                Arguments.of(calls.get("POST /events/{id}/waitlist"), "an organizer", ORGANIZER),
                Arguments.of(calls.get("GET /events/{id}/waitlist"), "a customer", ALICE),
                Arguments.of(calls.get("GET /events/{id}/waitlist"), "another organizer", OTHER_ORGANIZER),
                Arguments.of(calls.get("POST /events/{id}/checkins"), "a customer", ALICE),
                Arguments.of(calls.get("POST /events/{id}/checkins"), "another organizer", OTHER_ORGANIZER));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("wrongRoles")
    void theWrongRoleAnswers403(Call call, String who, String token) {
        Map<String, Object> before = seatCounts();

        assertProblem(call.send().apply(fixture.with(token)), 403);

        assertThat(seatCounts()).isEqualTo(before);
    }

    static Stream<Call> aliceObjects() {
        return everyEndpoint().filter(call -> call.name().contains("holds/{id}") || call.name().contains("bookings/{id}")
                || call.name().contains("{hold_id}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliceObjects")
    void anotherCustomersHoldOrBookingIsAsUnknownAsAMissingOne(Call call) {
        Map<String, Object> before = seatCounts();

        String body = assertProblem(call.send().apply(fixture.with(MALLORY)), 404).extract().asString();
        String missing = assertProblem(given().auth().oauth2(MALLORY).get("/bookings/" + UUID.randomUUID()).then(),
                404).extract().asString();

        assertThat(body).doesNotContain("alice");
        assertThat(missing).contains("No booking");
        assertThat(seatCounts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliceObjects")
    void theOwnerCanUseHerHoldAndBooking(Call call) {
        call.send().apply(fixture.with(ALICE)).statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void metricsNeedTheAdminOrMetricsGroupWhileHealthStaysOpen() {
        assertProblem(given().get("/q/metrics").then(), 401).header("WWW-Authenticate", org.hamcrest.Matchers
                .startsWith("Bearer"));
        assertProblem(given().auth().oauth2(Tokens.expired("ada", "admin")).get("/q/metrics").then(), 401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
        for (String token : List.of(ORGANIZER, ALICE, Tokens.valid("sam", "scanner"))) {
            assertProblem(given().auth().oauth2(token).get("/q/metrics").then(), 403);
        }
        for (String token : List.of(ADMIN, Tokens.valid("prometheus", "metrics"))) {
            given().auth().oauth2(token).get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("boxoffice_"));
        }
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready")) {
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void organizersAndEveryoneElseCanReadEvents() {
        for (String token : List.of(ORGANIZER, ALICE, MALLORY, ADMIN)) {
            given().auth().oauth2(token).get("/events/" + fixture.eventId()).then().statusCode(200);
            given().auth().oauth2(token).get("/events/" + fixture.eventId() + "/seats").then().statusCode(200);
        }
    }

    @Test
    void onlyTheEventsOrganizerOrAnAdminReadsItsReportAndCancelsIt() {
        given().auth().oauth2(ADMIN).get("/events/" + fixture.eventId() + "/report").then().statusCode(200)
                .body("bookings", equalTo(1));
        given().auth().oauth2(ORGANIZER).get("/events/" + fixture.eventId() + "/report").then().statusCode(200);
        given().auth().oauth2(ORGANIZER).post("/events/" + fixture.eventId() + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        given().auth().oauth2(ALICE).get("/bookings/" + fixture.bookingId()).then().statusCode(200)
                .body("status", equalTo("cancelled"));
    }

    @Test
    void theEventsOrganizerAnAdminOrAScannerChecksTicketsInAndAnyoneReadsTheKeys() {
        String code = given().auth().oauth2(ALICE).get("/bookings/" + fixture.bookingId() + "/tickets").then()
                .statusCode(200).extract().path("items[0].code");
        assertProblem(given().auth().oauth2(MALLORY).get("/bookings/" + fixture.bookingId() + "/tickets").then(), 404);
        Map<String, Object> entry = Map.of("code", code, "gate", "North", "direction", "entry");
        Map<String, Object> exit = Map.of("code", code, "gate", "North", "direction", "exit");

        for (String door : List.of(Tokens.valid("sam", "scanner"), ORGANIZER, ADMIN)) {
            given().auth().oauth2(door).contentType(ContentType.JSON).body(entry)
                    .post("/events/" + fixture.eventId() + "/checkins").then().statusCode(200)
                    .body("status", equalTo("checked-in"));
            given().auth().oauth2(door).contentType(ContentType.JSON).body(exit)
                    .post("/events/" + fixture.eventId() + "/checkins").then().statusCode(200);
        }
        given().get("/checkin/keys").then().statusCode(200).body("keys[0].kty", equalTo("OKP"));
    }

    @Test
    void aWaitingCustomerSeesTheirOwnEntryAsTheOrganizerDoesAndNobodyElse() {
        String eventId = given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON).body(eventBody(1))
                .post("/events").then().statusCode(201).extract().path("event_id");
        given().auth().oauth2(Tokens.valid("bruno", "customer")).contentType(ContentType.JSON)
                .body(Map.of("event_id", eventId, "seats", List.of(1))).post("/bookings").then().statusCode(201);
        String entryId = given().auth().oauth2(ALICE).contentType(ContentType.JSON).body(Map.of("quantity", 1))
                .post("/events/" + eventId + "/waitlist").then().statusCode(201).extract().path("entry_id");
        String path = "/events/" + eventId + "/waitlist/" + entryId;

        for (String allowed : List.of(ALICE, ORGANIZER, ADMIN)) {
            given().auth().oauth2(allowed).get(path).then().statusCode(200).body("status", equalTo("waiting"));
        }
        assertProblem(given().auth().oauth2(MALLORY).get(path).then(), 404);
        assertProblem(given().auth().oauth2(OTHER_ORGANIZER).get(path).then(), 404);
        assertProblem(given().auth().oauth2(MALLORY).delete(path).then(), 404);
        given().auth().oauth2(ORGANIZER).get("/events/" + eventId + "/waitlist").then().statusCode(200)
                .body("items[0].entry_id", equalTo(entryId));
        given().auth().oauth2(ALICE).delete(path).then().statusCode(204);
    }

    @Test
    void theCreatorOfAnEventIsItsOrganizer() {
        given().auth().oauth2(ORGANIZER).contentType(ContentType.JSON).body(eventBody(5)).post("/events").then()
                .statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(eventBody(5)).post("/events").then()
                .statusCode(201);
    }

    @Test
    void theListOfBookingsShowsOnlyTheCallersOwnButAllToAnAdmin() {
        given().auth().oauth2(MALLORY).contentType(ContentType.JSON)
                .body(Map.of("event_id", fixture.eventId(), "seats", List.of(30))).post("/bookings").then()
                .statusCode(201);

        given().auth().oauth2(ALICE).get("/bookings?limit=100").then().statusCode(200)
                .body("items.booking_id", hasItem(fixture.bookingId()))
                .body("items.seats.flatten()", not(hasItem(30)));
        given().auth().oauth2(MALLORY).get("/bookings?limit=100").then().statusCode(200)
                .body("items.booking_id", not(hasItem(fixture.bookingId())))
                .body("items.event_id", everyItem(equalTo(fixture.eventId())));
        given().auth().oauth2(ADMIN).get("/bookings?limit=100").then().statusCode(200)
                .body("items.booking_id", hasItem(fixture.bookingId()));
    }

    @Test
    void anAdminMayReadAndCancelAnyonesBooking() {
        given().auth().oauth2(ADMIN).get("/bookings/" + fixture.bookingId()).then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/holds/" + fixture.holdId()).then().statusCode(200);
        given().auth().oauth2(ADMIN).post("/bookings/" + fixture.bookingId() + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() {
        String key = "shared-key-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("event_id", fixture.eventId(), "seats", List.of(40));
        String alices = given().auth().oauth2(ALICE).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/bookings").then().statusCode(201).extract().path("booking_id");

        assertProblem(given().auth().oauth2(MALLORY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/bookings").then(), 409).body("unavailable_seats", equalTo(List.of(40)));
        assertThat(alices).isNotBlank();
    }

    private Map<String, Object> seatCounts() {
        return given().auth().oauth2(ADMIN).get("/events/" + fixture.eventId() + "/seats").then().statusCode(200)
                .extract().as(Map.class);
    }
}
