package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.seatSnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.boxoffice.api.http.RequestHeadRoute;
import org.boxoffice.api.http.RouterRefusals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Refusals made at the HTTP level, before any use case runs, still answer in the problem shape. */
@QuarkusTest
class HttpProblemsTest {

    /** Over quarkus.http.limits.max-body-size Quarkus itself would refuse it, with an empty 413. */
    @Test
    void aBodyDeclaredLargerThanTheHttpLimitAnswers413Problem() throws Exception {
        // Through API Gateway a body arrives whole inside the event (API Gateway caps its size), never as a
        // length declared on a connection.
        org.junit.jupiter.api.Assumptions.assumeFalse(StorableTextCases.throughApiGatewayEvents());
        String eventId = createEvent(10);
        List<Object> before = seatSnapshot(eventId);
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
        for (String path : List.of("/bookings", "/events")) {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), io.restassured.RestAssured.port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{\"event_id\":\""
                        + eventId + "\"").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                        .contains("\"type\":\"urn:boxoffice:problem:body-too-large\"", "\"status\":413", "\"request_id\":");
            }
        }
        assertThat(seatSnapshot(eventId)).isEqualTo(before);
    }

    /** Vert.x's own refusals of these are empty; see RequestHeadRoute. */
    @Test
    void aLongRequestLineAnswers414ProblemAndLargeHeaders431Problem() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(StorableTextCases.throughApiGatewayEvents());
        String eventId = createEvent(10);
        assertThat(rawRequest("GET /events/" + eventId + "?x=" + "a".repeat(4100) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 414")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:boxoffice:problem:uri-too-long\"", "\"status\":414", "\"request_id\":");
        assertThat(rawRequest("GET /events/" + eventId + " HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(21 * 1024) + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 431")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:boxoffice:problem:headers-too-large\"", "\"status\":431");
        // just under both limits: served
        assertThat(rawRequest("GET /events/" + eventId + "?x=" + "a".repeat(3900) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Big: " + "b".repeat(19 * 1024) + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    /** Vert.x Web refuses these before any route; see RouterRefusals. */
    @Test
    void aMissingOrUnreadableHostAnswers400ProblemAndAPathWithoutSlash404Problem() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(StorableTextCases.throughApiGatewayEvents());
        for (String host : List.of("", "Host: a b c\r\n", "Host: localhost:99999\r\n")) {
            assertThat(rawRequest("GET /events HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"))
                    .as("Host line %s", host).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"type\":\"urn:boxoffice:problem:bad-host\"", "\"status\":400", "\"request_id\":");
        }
        assertThat(rawRequest("GET events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"urn:boxoffice:problem:not-found\"");
        // HTTP/1.0 needs no Host
        assertThat(rawRequest("GET /events HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.0 200");
    }

    private static String rawRequest(String request) throws Exception {
        java.net.URI base = java.net.URI.create(io.restassured.RestAssured.baseURI);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPathThatDoesNotExistAnswers404Problem() {
        assertProblem(given().get("/no-such-thing").then(), 404);
    }

    @Test
    void aMethodThePathDoesNotSupportAnswers405Problem() {
        String eventId = createEvent(10);
        List<Object> before = seatSnapshot(eventId);

        assertProblem(given().contentType(ContentType.JSON).body(eventBody(10)).put("/events").then(), 405);
        assertThat(allowed(assertProblem(given().delete("/events/" + eventId).then(), 405))).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(allowed(assertProblem(given().contentType(ContentType.JSON).body("{}").put("/bookings").then(), 405))).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(allowed(assertProblem(given().delete("/events/" + eventId + "/seats").then(), 405))).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(allowed(assertProblem(given().get("/bookings/" + eventId + "/cancel").then(), 405))).isEqualTo("OPTIONS, POST");

        assertThat(seatSnapshot(eventId)).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeAnswers415Problem() {
        assertProblem(given().contentType(ContentType.TEXT).body("name=x").post("/events").then(), 415);
        assertProblem(given().contentType(ContentType.URLENC).formParam("seats", "1").post("/bookings").then(), 415);
        assertProblem(given().contentType("application/xml").body("<event/>").post("/events").then(), 415);
    }

    @Test
    void askingForAFormatOtherThanJsonAnswers406Problem() {
        String eventId = createEvent(10);

        assertProblem(given().accept(ContentType.XML).get("/events/" + eventId).then(), 406)
                .body("type", equalTo("urn:boxoffice:problem:not-acceptable"));
    }

    @Test
    void aBodyWithoutContentTypeAnswers415Problem() {
        String eventId = createEvent(10);
        List<Object> before = seatSnapshot(eventId);
        byte[] booking = ("{\"event_id\":\"" + eventId + "\",\"seats\":[1]}").getBytes(StandardCharsets.UTF_8);

        assertProblem(given().noContentType().body(booking).post("/bookings").then(), 415)
                .body("type", equalTo("urn:boxoffice:problem:unsupported-media-type"));
        assertProblem(given().noContentType().body("{\"seats\":[1]}".getBytes(StandardCharsets.UTF_8))
                .post("/bookings/" + UUID.randomUUID() + "/cancel").then(), 415);
        assertProblem(given().contentType(ContentType.TEXT).body("{\"seats\":[1]}")
                .post("/bookings/" + UUID.randomUUID() + "/cancel").then(), 415);

        assertThat(seatSnapshot(eventId)).isEqualTo(before);
    }

    @Test
    void aKeyGivenTwiceAnswers400NamingIt() {
        String eventId = createEvent(12);
        List<Object> before = seatSnapshot(eventId);

        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"event_id\":\"" + eventId + "\",\"seats\":[10],\"seats\":[11]}").post("/bookings").then(), 400)
                .body("errors.field", equalTo(List.of("seats")))
                .body("errors.message", equalTo(List.of("is given more than once")));
        assertProblem(given().contentType(ContentType.JSON).body("{\"name\":\"A\",\"date_time\":\"2030-01-01 19:00\","
                + "\"venue\":\"V\",\"layout\":{\"sections\":[{\"name\":\"S\",\"name\":\"T\",\"category\":\"A\","
                + "\"rows\":[{\"label\":\"A\",\"seats\":5}]}]}}").post("/events").then(), 400)
                .body("errors.field", equalTo(List.of("layout.sections[0].name")));

        assertThat(seatSnapshot(eventId)).isEqualTo(before);
    }

    @Test
    void optionsListsTheMethodsOfThatPathOnly() {
        String id = UUID.randomUUID().toString();
        assertThat(allowed(given().options("/events").then().statusCode(204))).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(allowed(given().options("/events/" + id).then().statusCode(204))).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(allowed(given().options("/events/" + id + "/cancel").then().statusCode(204))).isEqualTo("OPTIONS, POST");
        assertThat(allowed(given().options("/holds/" + id).then().statusCode(204))).isEqualTo("DELETE, GET, HEAD, OPTIONS");
        assertThat(allowed(given().options("/bookings/" + id + "/tickets").then().statusCode(204))).isEqualTo("GET, HEAD, OPTIONS");
        assertProblem(given().options("/no-such-thing").then(), 404);
        given().head("/events").then().statusCode(200);
    }

    /** The Allow header's methods, joined: a list field may come as one line or several (API Gateway splits it). */
    private static String allowed(ValidatableResponse answer) {
        return String.join(", ", answer.extract().headers().getValues("Allow"));
    }
}
