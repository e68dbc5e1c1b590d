package org.boxoffice.acceptance;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
}
