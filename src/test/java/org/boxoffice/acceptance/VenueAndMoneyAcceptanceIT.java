package org.boxoffice.acceptance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Venues with sections and rows, best available, the seat map and its page; prices, refunds, cancellation. */
class VenueAndMoneyAcceptanceIT extends AcceptanceTest {

    /** Stalls (category A: rows A of 20, B of 22 seats) and Balcony (B: row A of 30), priced in euro cents. */
    private static Map<String, Object> pricedVenue() {
        Map<String, Object> body = eventBody(0);
        body.remove("total_seats");
        body.put("venue", "Opera House");
        body.put("layout", Map.of("sections", List.of(
                Map.of("name", "Stalls", "category", "A", "rows", List.of(Map.of("label", "A", "seats", 20),
                        Map.of("label", "B", "seats", 22))),
                Map.of("name", "Balcony", "category", "B", "rows", List.of(Map.of("label", "A", "seats", 30))))));
        body.put("pricing", Map.of("currency", "EUR", "default", 4500, "categories", Map.of("A", 12000, "B", 6000)));
        body.put("refund_policy", List.of(Map.of("before", "PT168H", "percent", 100),
                Map.of("before", "PT48H", "percent", 50)));
        return body;
    }

    @Test
    void theBestSeatsOfASectionAreHeldSideBySideAndTheSeatMapShowsThem() {
        Caller organizer = organizer();
        String eventId = organizer.post("/events", pricedVenue()).statusCode(201).body("total_seats", equalTo(72))
                .extract().path("event_id");
        Caller customer = customer();

        customer.post("/holds", Map.of("event_id", eventId, "quantity", 4, "section", "Stalls")).statusCode(201)
                .body("seats", equalTo(List.of(9, 10, 11, 12)))
                .body("places.row", equalTo(List.of("A", "A", "A", "A")))
                .body("total.amount", equalTo(48000)).body("total.currency", equalTo("EUR"));
        customer.get("/events/" + eventId + "/seatmap").statusCode(200)
                .body("sections.name", equalTo(List.of("Stalls", "Balcony")))
                .body("sections[0].rows[0].held", equalTo(List.of(List.of(9, 12))))
                .body("sections[0].rows[0].free", equalTo(List.of(List.of(1, 8), List.of(13, 20))));
    }

    @Test
    void theSeatMapPageIsServed() {
        anonymous().get("/").then().statusCode(200).contentType(containsString("text/html"));
        anonymous().get("/seatmap.js").then().statusCode(200);
        anonymous().get("/seatmap.css").then().statusCode(200);
    }

    @Test
    void moneyIsRefundedByThePolicyAndInFullWhenTheEventIsCancelled() {
        Caller organizer = organizer();
        String eventId = organizer.post("/events", pricedVenue()).statusCode(201).extract().path("event_id");
        Caller customer = customer();

        String bookingId = customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of(1, 2, 43),
                "payment_reference", "pi_acceptance")).statusCode(201)
                .body("total.amount", equalTo(30000)).body("payment_reference", equalTo("pi_acceptance"))
                .extract().path("booking_id");
        customer.post("/bookings/" + bookingId + "/cancel", Map.of("seats", List.of(43))).statusCode(200)
                .body("status", equalTo("confirmed")).body("cancelled_seats", equalTo(List.of(43)))
                .body("refund.amount", equalTo(6000)).body("refund.percent", equalTo(100));

        assertProblem(caller("oscar", "organizer").given().post("/events/" + eventId + "/cancel").then(), 403);
        organizer.given().post("/events/" + eventId + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        customer.get("/bookings/" + bookingId).statusCode(200).body("status", equalTo("cancelled"))
                .body("refunds", hasSize(2));
        assertProblem(customer.post("/bookings", Map.of("event_id", eventId, "seats", List.of(5))), 409)
                .body("type", equalTo("urn:boxoffice:problem:event-cancelled"));

        organizer.get("/events/" + eventId + "/report").statusCode(200)
                .body("gross.amount", equalTo(30000)).body("refunds.amount", equalTo(30000))
                .body("net.amount", equalTo(0)).body("bookings", equalTo(1));
        assertProblem(customer.get("/events/" + eventId + "/report"), 403);
    }
}
