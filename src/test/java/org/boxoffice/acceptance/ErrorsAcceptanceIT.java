package org.boxoffice.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Bad requests are answered with a problem document, change nothing, and show nothing of the server. */
class ErrorsAcceptanceIT extends AcceptanceTest {

    @Test
    void malformedAndInvalidBodiesAre400AndChangeNothing() {
        Caller customer = customer();
        String eventId = createEvent(organizer(), 10);
        assertProblem(customer.given().contentType(ContentType.JSON).body("{\"event_id\": ").post("/bookings").then(), 400);
        assertProblem(customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of("1"))), 400);
        assertProblem(customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of(1), "status", "free")),
                400).body("errors.field", hasItem("status"));
        assertProblem(customer.post("/bookings", Map.of("event_id", "not-a-uuid", "seats", List.of(1))), 400);
        Map<String, Object> past = eventBody(10);
        past.put("date_time", "2001-01-01 19:00");
        assertProblem(organizer().post("/events", past), 400).body("errors.field", hasItem("date_time"));
        customer.get("/events/" + eventId + "/seats").body("booked_seats", equalTo(0));
    }

    @Test
    void unknownThingsAre404() {
        Caller customer = customer();
        assertProblem(customer.get("/events/" + UUID.randomUUID()), 404);
        assertProblem(customer.get("/bookings/" + UUID.randomUUID()), 404);
        assertProblem(customer.get("/holds/not-an-id"), 404);
        assertProblem(customer.get("/no/such/path"), 404);
    }

    @Test
    void theWrongMethodMediaTypeOrSizeIsRefused() {
        Caller organizer = organizer();
        String eventId = createEvent(organizer, 10);
        assertProblem(organizer.given().delete("/events/" + eventId).then(), 405);
        assertProblem(organizer.given().contentType(ContentType.TEXT).body("name=x").post("/events").then(), 415);
        assertProblem(organizer.given().accept("text/html").get("/events/" + eventId).then(), 406);
        String large = "{\"event_id\": \"" + eventId + "\", \"seats\": [1], \"payment_reference\": \""
                + "x".repeat(20_000) + "\"}";
        assertProblem(customer().given().contentType(ContentType.JSON).body(large).post("/bookings").then(), 413);
        organizer.get("/events/" + eventId + "/seats").body("booked_seats", equalTo(0));
    }

    @Test
    void anOverlongRequestLineOrOversizedHeadersAre414And431Problems() {
        Caller customer = customer();
        String eventId = createEvent(organizer(), 10);
        assertProblem(customer.given().queryParam("x", "a".repeat(4200)).get("/events/" + eventId).then(), 414)
                .body("type", equalTo("urn:boxoffice:problem:uri-too-long"));
        assertProblem(customer.given().header("X-Big", "b".repeat(21 * 1024)).get("/events/" + eventId).then(), 431)
                .body("type", equalTo("urn:boxoffice:problem:headers-too-large"));
        customer.given().queryParam("x", "a".repeat(3000)).header("X-Big", "b".repeat(9 * 1024))
                .get("/events/" + eventId).then().statusCode(200);
    }

    /** Behind API Gateway the gateway reads the request line and Host: only an artifact serving HTTP is asked. */
    @Test
    void aMissingOrUnreadableHostIs400ProblemAndAPathWithoutSlash404() throws Exception {
        Assumptions.assumeTrue(DEPLOYMENT.artifact().servesHttpItself(), "API Gateway reads the Host itself");
        for (String host : List.of("", "Host: a b c\r\n", "Host: localhost:99999\r\n")) {
            assertThat(raw("GET /events HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"))
                    .as("Host line %s", host).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"type\":\"urn:boxoffice:problem:bad-host\"", "\"request_id\":");
        }
        assertThat(raw("GET events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404").containsIgnoringCase("content-type: application/problem+json");
    }

    private static String raw(String request) throws Exception {
        URI base = DEPLOYMENT.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What PostgreSQL cannot keep, the in-memory store refuses too: one answer on both (the suite runs on each). */
    @Test
    void textNoStoreCanKeepIs400NamingTheField() {
        Caller organizer = organizer();
        String venue = "Hall " + UUID.randomUUID();
        String start = "{\"name\":\"";
        String end = "\",\"date_time\":\"" + FUTURE + "\",\"venue\":\"" + venue + "\",\"total_seats\":5}";
        byte[][] names = {
            "a\\u0000b".getBytes(StandardCharsets.UTF_8),
            "lone \\ud800".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xC1, (byte) 0x81},
            {(byte) 0xFF},
        };
        for (byte[] name : names) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(start.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(name);
            body.writeBytes(end.getBytes(StandardCharsets.UTF_8));
            assertProblem(organizer.given().contentType(ContentType.JSON).body(body.toByteArray()).post("/events")
                    .then(), 400).body("errors.field", equalTo(List.of("name")));
        }
        for (String query : List.of("venue=%00", "venue=%C0%80", "venue=%ED%A0%80", "from=%FF")) {
            assertProblem(organizer.given().urlEncodingEnabled(false).get("/events?" + query).then(), 400);
        }
        organizer.given().queryParam("venue", venue).get("/events").then().statusCode(200).body("items", hasSize(0));
        String name = "Zürich \uD83C\uDFB5";
        Map<String, Object> unicode = eventBody(5);
        unicode.put("name", name);
        String eventId = organizer.post("/events", unicode).statusCode(201).extract().path("event_id");
        organizer.get("/events/" + eventId).statusCode(200).body("name", equalTo(name));
    }

    @Test
    void aBodyWithoutContentTypeOrWithAKeyTwiceIsRefused() {
        Caller customer = customer();
        String eventId = createEvent(organizer(), 12);
        String booking = "{\"event_id\":\"" + eventId + "\",\"seats\":[10]}";
        assertProblem(customer.given().noContentType().body(booking.getBytes(StandardCharsets.UTF_8))
                .post("/bookings").then(), 415);
        assertProblem(customer.given().contentType(ContentType.JSON)
                .body("{\"event_id\":\"" + eventId + "\",\"seats\":[10],\"seats\":[11]}").post("/bookings").then(), 400)
                .body("errors.field", equalTo(List.of("seats")));
        customer.get("/events/" + eventId + "/seats").body("booked_seats", equalTo(0));
    }

    @Test
    void aWrongMethodNamesTheRightOnesAndOptionsTellsTheTruth() {
        Caller organizer = organizer();
        String eventId = createEvent(organizer, 10);
        assertProblem(organizer.given().delete("/events/" + eventId).then(), 405)
                .header("Allow", "GET, HEAD, OPTIONS");
        assertProblem(organizer.given().get("/events/" + eventId + "/cancel").then(), 405)
                .header("Allow", "OPTIONS, POST");
        anonymous().options("/events/" + eventId + "/seats").then().statusCode(204)
                .header("Allow", "GET, HEAD, OPTIONS");
        anonymous().options("/holds/" + UUID.randomUUID()).then().statusCode(204)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS");
    }
}
